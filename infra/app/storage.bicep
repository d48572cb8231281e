// The pipeline's one storage account: uploads, site, tables and queues, reachable only with Entra ID tokens.

@description('Storage account name: 3 to 24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the account.')
param tags object

@description('Blob containers to create (the static website creates $web itself).')
param containers string[]

@description('Queues to create.')
param queues string[]

@description('Tables to create.')
param tables string[]

@description('Page the static website serves for the root and for every folder.')
param indexDocument string = 'index.html'

@description('Page the static website serves, with status 404, for a path that has no blob.')
param errorDocument404Path string = '404.html'

resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    // Keyless: the app, the Functions host and operators all authenticate with Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    // The site is public through the static website endpoint only; containers never are.
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    // Since API version 2025-08-01 the static website is a property of the blob service, so the template
    // enables it: no deployment script (which would need a second account with shared keys) and no hook.
    staticWebsite: {
      enabled: true
      indexDocument: indexDocument
      errorDocument404Path: errorDocument404Path
    }
    // A container deleted by mistake (uploads included) can be restored for a week.
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = [
  for container in containers: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-08-01' = {
  parent: account
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-08-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-08-01' = {
  parent: account
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-08-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output webEndpoint string = account.properties.primaryEndpoints.web
