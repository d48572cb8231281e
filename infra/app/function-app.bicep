// The Functions app on the Flex Consumption plan, running as a user-assigned identity with keyless settings.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags; the app also gets the azd service tag.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity, for the identity-based connection settings.')
param identityClientId string

@description('The storage account of the host and of the pipeline.')
param storageAccountName string

@description('Container that holds the deployment package.')
param deploymentContainerName string

@description('The Application Insights component.')
param applicationInsightsName string

@description('Public base URL of the static site, ending in a slash.')
param siteBaseUrl string

@description('Custom host name for short links (CNAME to the app and asuid TXT record in place); empty for the default host name.')
param shortLinkDomain string = ''

@description('Editors\' Entra tenant id for desk sign-in; empty for none.')
param deskEntraTenantId string = ''

@description('Client id of the desk\'s app registration; empty for none.')
param deskEntraClientId string = ''

@description('Upper bound of instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

var shortLinkHost = empty(shortLinkDomain) ? functionApp.properties.defaultHostName : shortLinkDomain

// Flex Consumption sets the worker runtime and the Functions version itself (functionAppConfig), and rejects
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION here.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // The Functions host's own storage (keys, leases, blob trigger receipts).
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // The pipeline's connection (StorageNames.Connection): every binding and SDK client.
    PipelineStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    PipelineStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    PipelineStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    PipelineStorage__credential: 'managedidentity'
    PipelineStorage__clientId: identityClientId
    // PipelineOptions whose local defaults point at 127.0.0.1.
    Pipeline__SiteBaseUrl: siteBaseUrl
    Pipeline__ShortLinkBaseUrl: 'https://${shortLinkHost}/'
    // App Service's front end appends the client's address to X-Forwarded-For; the redirect's limit on storage
    // lookups per client reads its last entry (earlier entries are whatever the client sent).
    ShortLinks__ClientAddressHeader: 'X-Forwarded-For'
    // Desk sign-in with Entra ID, validated by the app itself: Flex Consumption has no App Service authentication,
    // and the app starts only with both set or neither (AccessOptions). Ids, not secrets: the desk is a public client.
    Access__EntraTenantId: deskEntraTenantId
    Access__EntraClientId: deskEntraClientId
    // "/" answers 204 instead of the Functions host's HTML home page, as on the local host.
    AzureWebJobsDisableHomepage: 'true'
    // Entra-authenticated telemetry from the host and the worker, as the app's identity.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  }
}

// azd deploys with an Entra token; publishing with a user name and password stays off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

module shortLinkCustomDomain 'custom-domain.bicep' = if (!empty(shortLinkDomain)) {
  name: 'short-link-domain'
  params: {
    siteName: functionApp.name
    planId: plan.id
    location: location
    tags: tags
    hostName: shortLinkDomain
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output shortLinkBaseUrl string = 'https://${shortLinkHost}/'
