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

@description('Origins of the desk (the function app\'s addresses): their pages may write uploads with the addresses the app signs.')
@minLength(1)
param deskOrigins string[]

@description('Where the desk\'s page previews are kept: <content container>/previews/ (BlobPreviewStore.Prefix).')
param previewsPrefix string

@description('Replication (main.bicep lists what Flex Consumption accepts).')
param skuName string = 'Standard_LRS'

@description('Containers whose blobs are rewritten often: their previous versions are deleted after versionRetentionDaysShort.')
param shortVersionContainers string[]

@description('Containers of what people write (uploads, templates): their previous versions are deleted after versionRetentionDaysLong.')
param longVersionContainers string[]

@description('Days a previous version of a blob in shortVersionContainers is kept.')
@minValue(1)
param versionRetentionDaysShort int = 7

@description('Days a previous version of a blob in longVersionContainers is kept.')
@minValue(1)
param versionRetentionDaysLong int = 365

@description('Days a deleted blob or version can be restored (soft delete).')
@minValue(1)
@maxValue(365)
param deletedBlobRetentionDays int = 14

@description('Days a deleted container can be restored.')
@minValue(1)
@maxValue(365)
param deletedContainerRetentionDays int = 7

@description('Resource id of the Log Analytics workspace that receives the write and delete logs of blobs, queues and tables.')
param logAnalyticsWorkspaceId string

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
    name: skuName
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
      days: deletedContainerRetentionDays
    }
    // A deleted or overwritten blob can be restored: every write keeps the previous version (a setting of the whole
    // blob service, not of one container), and a deleted blob or version stays restorable for two weeks.
    isVersioningEnabled: true
    // The desk's browser writes uploads straight here (PUT with a signed address for one blob); the values are the
    // code's DeskUploadCors (tests/Pipeline.Infra.Tests checks they match). Nothing else is allowed cross-origin.
    cors: {
      corsRules: [
        {
          allowedOrigins: deskOrigins
          allowedMethods: ['PUT']
          allowedHeaders: ['content-type', 'x-ms-blob-type']
          exposedHeaders: ['x-ms-request-id', 'x-ms-error-code']
          maxAgeInSeconds: 3600
        }
      ]
    }
    deleteRetentionPolicy: {
      enabled: true
      days: deletedBlobRetentionDays
      allowPermanentDelete: false
    }
  }
}

// Versioning keeps every overwrite. Without an expiry the host's state, the package and the content would keep
// growing; what people write keeps its history far longer. The policy cannot reach $web (lifecycle management skips
// system containers): the renderer rewrites only pages that changed, and README.md says how to prune them.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-versions-of-rewritten-blobs'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [for container in shortVersionContainers: '${container}/']
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: versionRetentionDaysShort
                }
              }
            }
          }
        }
        {
          name: 'expire-versions-of-uploads-and-templates'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [for container in longVersionContainers: '${container}/']
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: versionRetentionDaysLong
                }
              }
            }
          }
        }
        {
          // The desk's page previews (BlobPreviewStore) are read for 15 minutes; any left are deleted after a day.
          name: 'delete-stale-previews'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${previewsPrefix}']
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 1
                }
              }
              version: {
                delete: {
                  daysAfterCreationGreaterThan: 1
                }
              }
            }
          }
        }
      ]
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

// Who wrote or deleted what, and with which identity: every write and delete on blobs ($web, templates, uploads,
// the package), queues and tables goes to Log Analytics. Reads are left out: the public site's traffic would
// dominate the bill.
var auditedCategories = ['StorageWrite', 'StorageDelete']

resource blobAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'writes-and-deletes'
  scope: blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [for category in auditedCategories: { category: category, enabled: true }]
  }
}

resource queueAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'writes-and-deletes'
  scope: queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [for category in auditedCategories: { category: category, enabled: true }]
  }
}

resource tableAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'writes-and-deletes'
  scope: tableService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [for category in auditedCategories: { category: category, enabled: true }]
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output webEndpoint string = account.properties.primaryEndpoints.web
