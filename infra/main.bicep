// Alerts on Azure: one resource group with a Flex Consumption function app, its storage (queues,
// tables, deployment container), monitoring, a Key Vault for the secrets and the identity that ties
// them together. `azd up` fills the parameters from main.parameters.json and the azd environment.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Resource group to create or reuse; defaults to rg-<environmentName>.')
param resourceGroupName string = ''

@allowed([512, 2048, 4096])
@description('Memory of one function app instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Most instances the function app scales out to.')
param maximumInstanceCount int = 100

@description('NCRONTAB schedule of the PollFeeds timer (six fields, with seconds); empty means every five minutes.')
param pollSchedule string = ''

@description('SMTP server for e-mail alerts; empty disables e-mail delivery.')
param smtpHost string = ''

@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@allowed(['Auto', 'None', 'StartTls', 'SslOnConnect'])
param smtpSecurity string = 'Auto'

@description('Sender of e-mail alerts, e.g. "Alerts <alerts@example.com>"; empty means "Alerts <alerts@localhost>".')
param smtpFrom string = ''

param smtpUser string = ''

@secure()
@description('SMTP password (ALERTS_SMTP_PASSWORD); empty when the server needs none.')
param smtpPassword string = ''

@secure()
@minLength(32)
@description('Admin key of the HTTP API (ALERTS_ADMIN_KEY), sent as x-functions-key; at least 32 characters, e.g. openssl rand -hex 32.')
param adminKey string

@secure()
@minLength(32)
@description('Key that signs unsubscribe links (ALERTS_UNSUBSCRIBE_SIGNING_KEY); at least 32 characters.')
param unsubscribeSigningKey string

@description('Create the host key "alerts-admin" (= adminKey) during provisioning; see docs/deploy.md for when to turn it off.')
param createAdminHostKey bool = true

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
@description('Redundancy of the storage account; a geo-redundant SKU lets a standby region take the data over (docs/deploy.md).')
param storageSkuName string = 'Standard_LRS'

@description('Set to true for production: a purge-protected vault cannot be purged for its retention period.')
param keyVaultPurgeProtection bool = false

// azd passes an unset environment variable as an empty string: empty means the default here.
var defaultPollSchedule = '0 */5 * * * *'
var defaultSmtpFrom = 'Alerts <alerts@localhost>'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Names are computed here, before deployment, so that modules and What-If can use them as identifiers.
var names = {
  functionApp: 'func-alerts-${resourceToken}'
  plan: 'plan-alerts-${resourceToken}'
  identity: 'id-alerts-${resourceToken}'
  storage: 'st${resourceToken}'
  deploymentContainer: 'app-package-${resourceToken}'
  logAnalytics: 'log-alerts-${resourceToken}'
  applicationInsights: 'appi-alerts-${resourceToken}'
  keyVault: 'kv-alerts-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    containers: [names.deploymentContainer]
    // The names of Alerts.Core.Storage.StorageNames. The host moves a message to <queue>-poison after
    // maxDequeueCount attempts; the poison queues are created up front so they can be watched from day one.
    queues: ['feeds', 'feeds-poison', 'articles', 'articles-poison', 'alerts', 'alerts-poison']
    tables: ['Feeds', 'FeedItems', 'Deals', 'Subscriptions', 'Deliveries']
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module secrets 'app/secrets.bicep' = {
  name: 'secrets'
  scope: rg
  params: {
    keyVaultName: names.keyVault
    adminKey: adminKey
    unsubscribeSigningKey: unsubscribeSigningKey
    smtpPassword: smtpPassword
    includeSmtpPassword: !empty(smtpPassword)
  }
  dependsOn: [keyVault]
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
    identityName: names.identity
  }
  dependsOn: [identity, storage, monitoring, keyVault]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    serviceName: 'api'
    storageAccountName: names.storage
    deploymentContainerName: names.deploymentContainer
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    pollSchedule: empty(pollSchedule) ? defaultPollSchedule : pollSchedule
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    smtpFrom: empty(smtpFrom) ? defaultSmtpFrom : smtpFrom
    smtpUser: smtpUser
    adminKeySecretUri: secrets.outputs.adminKeyUri
    unsubscribeSigningKeySecretUri: secrets.outputs.unsubscribeSigningKeyUri
    smtpPasswordSecretUri: secrets.outputs.smtpCredentialUri
    adminKey: adminKey
    createAdminHostKey: createAdminHostKey
  }
  // The host starts with the site: its storage, telemetry and Key Vault roles must exist by then.
  dependsOn: [rbac, storage]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
