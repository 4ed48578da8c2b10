// The Alerts function app on a Flex Consumption (FC1) plan: .NET 10 isolated worker, running as a
// user-assigned identity, every connection identity-based and every secret a Key Vault reference.

param name string
param planName string
param location string
param tags object = {}

@description('azd finds the app to deploy src/Alerts.Functions to by this tag value (the service name in azure.yaml).')
param serviceName string = 'api'

param storageAccountName string
param deploymentContainerName string
@description('Connection string of Application Insights (not a secret: local auth is disabled, ingestion needs Entra ID).')
param applicationInsightsConnectionString string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
@description('Client id of that identity: the app settings name it so the SDKs pick it and not another.')
param identityClientId string

@allowed([512, 2048, 4096])
@description('Memory of one instance, in MB; CPU and network scale with it.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Upper bound of the scale-out, the main cost and load brake (on the app and on the feed sites).')
param maximumInstanceCount int = 100

@description('NCRONTAB schedule of the PollFeeds timer (six fields, with seconds).')
param pollSchedule string = '0 */5 * * * *'

@description('Public base URL of the app, for the unsubscribe links in mails; empty: https://<name>.azurewebsites.net.')
param publicBaseUrl string = ''

param smtpHost string = ''
param smtpPort int = 587
@allowed(['Auto', 'None', 'StartTls', 'SslOnConnect'])
param smtpSecurity string = 'Auto'
param smtpFrom string = 'Alerts <alerts@localhost>'
param smtpUser string = ''

@description('Versionless Key Vault secret URI of the admin key.')
param adminKeySecretUri string
@description('Versionless Key Vault secret URI of the unsubscribe signing key.')
param unsubscribeSigningKeySecretUri string
@description('Versionless Key Vault secret URI of the SMTP password; empty for none.')
param smtpPasswordSecretUri string = ''

@description('Whether to create the host key (its API needs a running host; docs/deploy.md).')
param createAdminHostKey bool = true

@secure()
@description('The admin key again, as the value of the host function key "alerts-admin": one key passes the host and the app.')
param adminKey string

// Endpoints are built from the name, not read from the account, so the settings are known before deployment.
var tableEndpoint = 'https://${storageAccountName}.table.${environment().suffixes.storage}'
var queueEndpoint = 'https://${storageAccountName}.queue.${environment().suffixes.storage}'
var blobEndpoint = 'https://${storageAccountName}.blob.${environment().suffixes.storage}'

// Linux: "__" stands for the ":" of configuration paths (Alerts__Smtp__Host is Alerts:Smtp:Host).
var identitySettings = [
  // The Functions host: triggers, timer leases, keys. accountName alone derives the blob, queue and table URIs.
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  // The app's own clients (Microsoft.Extensions.Azure): TableServiceClient takes "endpoint", QueueServiceClient "serviceUri".
  { name: 'Alerts__Storage__Tables__endpoint', value: tableEndpoint }
  { name: 'Alerts__Storage__Tables__credential', value: 'managedidentity' }
  { name: 'Alerts__Storage__Tables__clientId', value: identityClientId }
  { name: 'Alerts__Storage__Queues__serviceUri', value: queueEndpoint }
  { name: 'Alerts__Storage__Queues__credential', value: 'managedidentity' }
  { name: 'Alerts__Storage__Queues__clientId', value: identityClientId }
  // DefaultAzureCredential / ManagedIdentityCredential() pick the user-assigned identity from this, for clients
  // built in code rather than from the settings above (e.g. a telemetry exporter given a TokenCredential).
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  // Application Insights with local auth disabled: the SDKs authenticate as the identity.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
]

var alertsSettings = [
  { name: 'Alerts__PollSchedule', value: pollSchedule }
  { name: 'Alerts__PublicBaseUrl', value: empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net' : publicBaseUrl }
  { name: 'Alerts__AdminKey', value: '@Microsoft.KeyVault(SecretUri=${adminKeySecretUri})' }
  { name: 'Alerts__Unsubscribe__SigningKey', value: '@Microsoft.KeyVault(SecretUri=${unsubscribeSigningKeySecretUri})' }
  { name: 'Alerts__Smtp__Host', value: smtpHost }
  { name: 'Alerts__Smtp__Port', value: string(smtpPort) }
  { name: 'Alerts__Smtp__Security', value: smtpSecurity }
  { name: 'Alerts__Smtp__From', value: smtpFrom }
  { name: 'Alerts__Smtp__User', value: smtpUser }
]

var smtpPasswordSettings = empty(smtpPasswordSecretUri)
  ? []
  : [{ name: 'Alerts__Smtp__Password', value: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})' }]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
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
    // Key Vault references resolve with the user-assigned identity (the default would be a system identity, which the app has not).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: concat(identitySettings, alertsSettings, smtpPasswordSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}/${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // azd deploys with an Entra ID token; publishing passwords would be a second, weaker way in.
  resource scmBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  resource ftpBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }
}

// Host keys are a real ARM resource (PUT .../host/default/functionKeys/{name}) that Bicep has no type
// definitions for: the BCP081 warning says only that, hence suppressed.
#disable-next-line BCP081
resource functionHost 'Microsoft.Web/sites/host@2024-04-01' existing = {
  parent: site
  name: 'default'
}

// The HTTP functions are AuthorizationLevel.Function and the app checks Alerts:AdminKey in x-functions-key:
// a host key with the same value passes both checks.
#disable-next-line BCP081
resource adminHostKey 'Microsoft.Web/sites/host/functionKeys@2024-04-01' = if (createAdminHostKey) {
  parent: functionHost
  name: 'alerts-admin'
  properties: {
    name: 'alerts-admin'
    value: adminKey
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
