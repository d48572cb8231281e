// Optional: Azure Front Door (Standard) in front of the static website, for what the website endpoint cannot do
// itself: the response headers the local host sends (a content security policy with frame-ancestors, nosniff,
// a referrer policy, no framing). Off by default (siteFrontDoor in main.bicep); see README.md, section Deploy.

@description('Front Door profile name.')
param name string

param tags object = {}

@description('The static website endpoint, e.g. https://st<token>.z6.web.core.windows.net/.')
param webEndpoint string

@description('The site\'s content security policy as a header (SitePolicy.ContentSecurityPolicyHeader in the code).')
param contentSecurityPolicy string

// The website endpoint's host: the origin Front Door fetches from and the Host header it sends.
var originHost = replace(replace(webEndpoint, 'https://', ''), '/', '')

resource profile 'Microsoft.Cdn/profiles@2024-09-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-09-01' = {
  parent: profile
  name: '${name}-site'
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-09-01' = {
  parent: profile
  name: 'static-website'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    healthProbeSettings: {
      probePath: '/robots.txt'
      probeRequestType: 'HEAD'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 120
    }
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-09-01' = {
  parent: originGroup
  name: 'web'
  properties: {
    hostName: originHost
    originHostHeader: originHost
    httpsPort: 443
    priority: 1
    weight: 1000
    enforceCertificateNameCheck: true
  }
}

resource headers 'Microsoft.Cdn/profiles/ruleSets@2024-09-01' = {
  parent: profile
  name: 'siteheaders'
}

// One rule without conditions: every response of the site gets the headers.
resource headerRule 'Microsoft.Cdn/profiles/ruleSets/rules@2024-09-01' = {
  parent: headers
  name: 'securityheaders'
  properties: {
    order: 1
    conditions: []
    matchProcessingBehavior: 'Continue'
    actions: [
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'Content-Security-Policy'
          value: contentSecurityPolicy
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'X-Content-Type-Options'
          value: 'nosniff'
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'Referrer-Policy'
          value: 'strict-origin-when-cross-origin'
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'X-Frame-Options'
          value: 'DENY'
        }
      }
    ]
  }
}

resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-09-01' = {
  parent: endpoint
  name: 'site'
  dependsOn: [
    origin
  ]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    ruleSets: [
      {
        id: headers.id
      }
    ]
    supportedProtocols: [
      'Http'
      'Https'
    ]
    patternsToMatch: [
      '/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Enabled'
    linkToDefaultDomain: 'Enabled'
  }
}

@description('The site\'s address through Front Door.')
output siteUrl string = 'https://${endpoint.properties.hostName}/'
