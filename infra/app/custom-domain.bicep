// A custom host name on the function app with a free App Service managed certificate. The DNS records
// (CNAME to the app's default host name, TXT asuid.<host> with the app's domain verification id) must exist first.

@description('Name of the function app.')
param siteName string

@description('Resource id of the app\'s plan, which the certificate belongs to.')
param planId string

@description('Azure region.')
param location string

@description('Tags for the certificate.')
param tags object

@description('The custom host name, e.g. nws.example.')
param hostName string

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: siteName
}

// First without TLS: the managed certificate can only be issued for a host name already bound to the app.
resource binding 'Microsoft.Web/sites/hostNameBindings@2024-11-01' = {
  parent: site
  name: hostName
  properties: {
    siteName: siteName
    hostNameType: 'Verified'
    sslState: 'Disabled'
  }
}

resource certificate 'Microsoft.Web/certificates@2024-11-01' = {
  name: '${siteName}-${hostName}'
  location: location
  tags: tags
  properties: {
    serverFarmId: planId
    canonicalName: hostName
  }
  dependsOn: [binding]
}

// Then the same binding again with the certificate; a module, because a template cannot declare one resource twice.
module sniBinding 'sni-binding.bicep' = {
  name: 'sni-${uniqueString(hostName)}'
  params: {
    siteName: siteName
    hostName: hostName
    thumbprint: certificate.properties.thumbprint
  }
}
