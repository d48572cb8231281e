// Role assignments. Blob and queue roles are scoped to the one container or queue they are needed for, so that no
// identity may write what another one owns: only the app writes the site ($web), the article content and its own
// package and host state; only editors (and the deployer's probe) write uploads; only operators write templates.
// README.md, section Deploy, has the same table for people.

@description('The storage account the app uses.')
param storageAccountName string

@description('The Application Insights component the app sends telemetry to.')
param applicationInsightsName string

@description('Principal (object) id of the function app\'s user-assigned identity.')
param appPrincipalId string

@description('Principal id of the person or pipeline running the deployment; empty for none.')
param deployerPrincipalId string = ''

@description('Principal ids of editors: each may write the uploads container only.')
param editorPrincipalIds string[] = []

@description('Principal ids of operators: each may write the templates container only.')
param operatorPrincipalIds string[] = []

@description('Container of uploads (the blob trigger\'s path).')
param uploadsContainer string

@description('Container of operator theme overrides.')
param templatesContainer string

@description('The static website\'s container.')
param siteContainer string

@description('Container of stored article content.')
param contentContainer string

@description('Container of the Flex Consumption deployment package.')
param deploymentContainer string

@description('The Functions host\'s container of leases, timer schedules and blob trigger state.')
param hostLeasesContainer string

@description('The Functions host\'s container of keys.')
param hostKeysContainer string

@description('The render queue; its poison queue is <name>-poison.')
param renderQueue string

@description('The blob extension\'s poison queue; its own poison queue is <name>-poison.')
param blobPoisonQueue string

@description('The queue the blob extension puts Event Grid notifications on before running the trigger.')
param hostBlobTriggerQueue string

// Built-in role definitions (the same ids in every tenant).
var role = {
  blobReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' // Storage Blob Data Reader
  blobContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
  queueReader: '19e7f393-937e-4f77-808e-94535e297925' // Storage Queue Data Reader
  queueContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  tableReader: '76199698-9eea-4c19-bc75-cec21354c6b6' // Storage Table Data Reader
  tableContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  metricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher
  blobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a' // Storage Blob Delegator
}

// The app's identity, container by container. It never writes templates (the renderer only reads them). It holds
// write on uploads only to sign the desk's upload addresses: a user delegation SAS grants at most what its signer
// holds, so an editor's browser can write an upload only if the app could. The code itself never writes an upload
// (ingest and the blob trigger only read it), and each address names one blob and allows create and write only.
var appContainerRoles = [
  { container: uploadsContainer, role: role.blobContributor }
  { container: templatesContainer, role: role.blobReader }
  { container: siteContainer, role: role.blobContributor } // pages written and removed by SitePublisher
  { container: contentContainer, role: role.blobContributor } // article content, written once under its hash
  { container: deploymentContainer, role: role.blobContributor } // Flex Consumption writes and reads the package as this identity
  { container: hostLeasesContainer, role: role.blobContributor } // host lock, timer schedules, blob trigger state
  { container: hostKeysContainer, role: role.blobContributor } // the host's keys (function keys, blobs_extension)
]

// Queue triggers read and delete messages and move failures to <queue>-poison; the app enqueues renders; the blob
// extension writes every notification to its host queue and a given-up upload to its poison queue.
var appQueues = [
  renderQueue
  '${renderQueue}-poison'
  blobPoisonQueue
  '${blobPoisonQueue}-poison'
  hostBlobTriggerQueue
]

// The deployer runs `pipeline upload`, `pipeline poison` and `pipeline doctor`: the doctor checks that every
// container exists and that $web has index.html and 404.html (read), uploads its probe into uploads and deletes it
// (write), and checks the render queues (read); `poison` peeks the two poison queues.
var deployerContainerRoles = [
  { container: uploadsContainer, role: role.blobContributor }
  { container: siteContainer, role: role.blobReader }
  { container: contentContainer, role: role.blobReader }
  { container: templatesContainer, role: role.blobReader }
]

var deployerQueues = [
  renderQueue
  '${renderQueue}-poison'
  blobPoisonQueue
]

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'
  }

  resource queueService 'queueServices' existing = {
    name: 'default'
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' existing = [
  for entry in appContainerRoles: {
    parent: storage::blobService
    name: entry.container
  }
]

resource appContainerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (entry, i) in appContainerRoles: {
    name: guid(appContainers[i].id, appPrincipalId, entry.role)
    scope: appContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', entry.role)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appQueueScopes 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-08-01' existing = [
  for queue in appQueues: {
    parent: storage::queueService
    name: queue
  }
]

resource appQueueAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queue, i) in appQueues: {
    name: guid(appQueueScopes[i].id, appPrincipalId, role.queueContributor)
    scope: appQueueScopes[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.queueContributor)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Tables stay on the account: the table service holds only the app's tables and the host's monthly diagnostics
// tables (AzureFunctionsDiagnosticEvents<yyyyMM>, named as they come), and creating or listing tables, as provisioning
// at start does, is a call on the table service itself. No other identity may write a table.
resource appTableAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, role.tableContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.tableContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Application Insights has local auth disabled, so telemetry needs this role.
// The key that signs the desk's upload addresses (user delegation SAS) is asked of the blob service, at account
// scope; the role holds that one action and no data access.
resource appDelegatorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, role.blobDelegator)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.blobDelegator)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, role.metricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.metricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' existing = [
  for entry in deployerContainerRoles: {
    parent: storage::blobService
    name: entry.container
  }
]

resource deployerContainerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (entry, i) in deployerContainerRoles: if (!empty(deployerPrincipalId)) {
    name: guid(deployerContainers[i].id, deployerPrincipalId, entry.role)
    scope: deployerContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', entry.role)
      principalId: deployerPrincipalId
    }
  }
]

resource deployerQueueScopes 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-08-01' existing = [
  for queue in deployerQueues: {
    parent: storage::queueService
    name: queue
  }
]

resource deployerQueueAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queue, i) in deployerQueues: if (!empty(deployerPrincipalId)) {
    name: guid(deployerQueueScopes[i].id, deployerPrincipalId, role.queueReader)
    scope: deployerQueueScopes[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.queueReader)
      principalId: deployerPrincipalId
    }
  }
]

// `pipeline doctor` asks the table service whether each table exists (a query of the table list): read on the account.
resource deployerTableAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(storage.id, deployerPrincipalId, role.tableReader)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.tableReader)
    principalId: deployerPrincipalId
  }
}

resource uploads 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' existing = {
  parent: storage::blobService
  name: uploadsContainer
}

resource templates 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' existing = {
  parent: storage::blobService
  name: templatesContainer
}

// Editors upload articles: write, overwrite and delete in the uploads container, nothing else. Whatever they write
// reaches the site only through ingest and the renderer's encoding.
resource editorAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for editor in editorPrincipalIds: {
    name: guid(uploads.id, editor, role.blobContributor)
    scope: uploads
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.blobContributor)
      principalId: editor
    }
  }
]

// Operators change the theme: the templates container only (the next render picks the files up).
resource operatorAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for operator in operatorPrincipalIds: {
    name: guid(templates.id, operator, role.blobContributor)
    scope: templates
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.blobContributor)
      principalId: operator
    }
  }
]
