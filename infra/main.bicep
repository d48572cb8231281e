// Pipeline in Azure: one resource group with the storage account (uploads, tables, queues, static website, and the
// Functions host's own containers and queue), the Functions app on Flex Consumption, its identity, the roles of the
// app, the deployer, editors and operators, monitoring, and the storage Event Grid topic.
// `azd up` provisions this and deploys src/Pipeline.Functions; see README.md, section Deploy.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty for rg-<environment>.')
param resourceGroupName string = ''

@description('Principal id of the deployer (azd sets it to the signed-in identity): may upload articles and run `pipeline doctor` and `pipeline poison`; empty for none.')
param principalId string = ''

// The two lists are `array`, not `string[]`: a typed parameter would switch this template to ARM language version 2.0.
@description('Principal (object) ids of editors, users or groups: each may write the articles container (uploads) and nothing else.')
param editorPrincipalIds array = []

@description('Principal (object) ids of operators, users or groups: each may write the templates container (theme overrides) and nothing else.')
param operatorPrincipalIds array = []

@description('Replication of the storage account; pick it before the first provision (LRS, GRS and RA-GRS convert into each other in place, the zone-redundant ones need a conversion).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_LRS'

@description('Custom domain of the site, served over HTTPS by a CDN or Front Door in front of the static website endpoint; empty for that endpoint.')
param siteDomain string = ''

@description('Put Azure Front Door (Standard) in front of the static website to send the site\'s security headers (CSP with frame-ancestors, nosniff, referrer policy, no framing); off by default: it is billed per month and per request.')
param siteFrontDoor bool = false

@description('Custom domain of short links, bound to the function app with a managed certificate; empty for the app\'s host name.')
param shortLinkDomain string = ''

@description('Directory (tenant) id of the editors\' Entra tenant, for signing in to the desk with Microsoft; empty (with deskEntraClientId) for key sign-in only. See README.md, section Desk sign-in.')
param deskEntraTenantId string = ''

@description('Application (client) id of the desk\'s app registration (single-page app, exposes Desk.Use, app roles Editor and Publisher); empty for key sign-in only.')
param deskEntraClientId string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package'

// Names the code uses (src/Pipeline.Storage/StorageNames.cs); tests/Pipeline.Infra.Tests checks they match.
var uploadsContainer = 'articles'
var templatesContainer = 'templates'
var contentContainer = 'content'
// The static website's container: the blob service creates it when the website is enabled.
var siteContainer = '$web'
var renderQueue = 'render'
// The blob extension moves an upload here after five failed attempts; RecordPoisonUpload reads it.
var blobPoisonQueue = 'webjobs-blobtrigger-poison'

// What the Functions host keeps in AzureWebJobsStorage (the same account): leases, timer schedules and blob trigger
// state, and its keys. The template creates them so that roles can be scoped to each.
var hostContainers = ['azure-webjobs-hosts', 'azure-webjobs-secrets']
// The host id is the site name, lowercased and cut to 32 characters; func-<13-character token> is 18, so it is the
// name itself. The blob extension queues every Event Grid notification on azure-webjobs-blobtrigger-<host id>.
var functionsHostId = toLower(functionAppName)
var hostBlobTriggerQueue = 'azure-webjobs-blobtrigger-${functionsHostId}'

// Versioning covers the whole blob service. Previous versions of blobs rewritten often (content, the package, the
// host's state) are deleted after a week; those of uploads and templates, what people write, after a year.
// Lifecycle management does not act on system containers, so $web keeps its versions: README.md, section Deploy.
var shortVersionContainers = [contentContainer, deploymentContainerName, hostContainers[0], hostContainers[1]]
var longVersionContainers = [uploadsContainer, templatesContainer]

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    skuName: storageSku
    containers: [uploadsContainer, templatesContainer, contentContainer, deploymentContainerName, hostContainers[0], hostContainers[1]]
    // Poison messages land in <queue>-poison after host.json's maxDequeueCount.
    queues: [renderQueue, '${renderQueue}-poison', blobPoisonQueue, '${blobPoisonQueue}-poison', hostBlobTriggerQueue]
    tables: ['Articles', 'ArticleIndex', 'Slugs', 'ShortLinks', 'Uploads', 'Audit']
    shortVersionContainers: shortVersionContainers
    longVersionContainers: longVersionContainers
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
    // The desk is served by the function app, at its default host name and at the short-link domain.
    previewsPrefix: '${contentContainer}/previews/'
    deskOrigins: concat(['https://${functionAppName}.azurewebsites.net'], empty(shortLinkDomain) ? [] : ['https://${shortLinkDomain}'])
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    editorPrincipalIds: editorPrincipalIds
    operatorPrincipalIds: operatorPrincipalIds
    uploadsContainer: uploadsContainer
    templatesContainer: templatesContainer
    siteContainer: siteContainer
    contentContainer: contentContainer
    deploymentContainer: deploymentContainerName
    hostLeasesContainer: hostContainers[0]
    hostKeysContainer: hostContainers[1]
    renderQueue: renderQueue
    blobPoisonQueue: blobPoisonQueue
    hostBlobTriggerQueue: hostBlobTriggerQueue
  }
}

// The site's content security policy as a header: the code's SitePolicy.ContentSecurityPolicyHeader
// (tests/Pipeline.Infra.Tests checks they match).
var siteContentSecurityPolicy = 'default-src \'self\'; img-src \'self\' https: data:; style-src \'self\'; script-src \'self\'; object-src \'none\'; base-uri \'self\'; form-action \'self\'; frame-ancestors \'none\''

module frontDoor 'app/front-door.bicep' = if (siteFrontDoor) {
  name: 'front-door'
  scope: rg
  params: {
    name: '${abbrs.networkFrontDoors}${resourceToken}'
    tags: tags
    webEndpoint: storage.outputs.webEndpoint
    contentSecurityPolicy: siteContentSecurityPolicy
  }
}

var siteBaseUrl = empty(siteDomain) ? (siteFrontDoor ? frontDoor!.outputs.siteUrl : storage.outputs.webEndpoint) : 'https://${siteDomain}/'

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    siteBaseUrl: siteBaseUrl
    shortLinkDomain: shortLinkDomain
    deskEntraTenantId: deskEntraTenantId
    deskEntraClientId: deskEntraClientId
  }
  // The host reads its storage and the deployment package as the identity from its first start.
  dependsOn: [roles]
}

module eventGrid 'app/event-grid.bicep' = {
  name: 'event-grid'
  scope: rg
  params: {
    name: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output PIPELINE_UPLOADS_CONTAINER string = uploadsContainer
output PIPELINE_SITE_URL string = siteBaseUrl
output PIPELINE_SITE_ORIGIN string = storage.outputs.webEndpoint
output PIPELINE_SHORT_LINK_URL string = functionApp.outputs.shortLinkBaseUrl
