// Binds a host name of a web app to a certificate with SNI TLS.

@description('Name of the app.')
param siteName string

@description('The bound host name.')
param hostName string

@description('Thumbprint of the certificate for that host name.')
param thumbprint string

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: siteName
}

resource binding 'Microsoft.Web/sites/hostNameBindings@2024-11-01' = {
  parent: site
  name: hostName
  properties: {
    siteName: siteName
    hostNameType: 'Verified'
    sslState: 'SniEnabled'
    thumbprint: thumbprint
  }
}
