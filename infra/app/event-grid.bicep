// The storage account's Event Grid system topic. Its subscription to the blob trigger's webhook is created by
// infra/hooks/postdeploy.sh, because the webhook URL carries a key that exists only once the code is deployed.

@description('Name of the system topic.')
param name string

@description('Azure region: the storage account\'s.')
param location string

@description('Tags for the topic.')
param tags object

@description('The storage account whose blob events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
