// Pipeline in Azure: one resource group with the storage account (uploads, tables, queues, static website),
// the Functions app on Flex Consumption, its identity and roles, monitoring, and the storage Event Grid topic.
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

@description('Principal id of the deployer, who gets blob data access to upload articles; empty for none.')
param principalId string = ''

@description('Custom domain of the site, served over HTTPS by a CDN or Front Door in front of the static website endpoint; empty for that endpoint.')
param siteDomain string = ''

@description('Put Azure Front Door (Standard) in front of the static website to send the site\'s security headers (CSP with frame-ancestors, nosniff, referrer policy, no framing); off by default: it is billed per month and per request.')
param siteFrontDoor bool = false

@description('Custom domain of short links, bound to the function app with a managed certificate; empty for the app\'s host name.')
param shortLinkDomain string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package'

// Names the code uses (src/Pipeline.Storage/StorageNames.cs); tests/Pipeline.Infra.Tests checks they match.
var uploadsContainer = 'articles'
var renderQueue = 'render'
// The blob extension moves an upload here after five failed attempts; RecordPoisonUpload reads it.
var blobPoisonQueue = 'webjobs-blobtrigger-poison'

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
    containers: [uploadsContainer, 'templates', 'content', deploymentContainerName]
    // Poison messages land in <queue>-poison after host.json's maxDequeueCount.
    queues: [renderQueue, '${renderQueue}-poison', blobPoisonQueue, '${blobPoisonQueue}-poison']
    tables: ['Articles', 'ArticleIndex', 'Slugs', 'ShortLinks', 'Uploads']
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
