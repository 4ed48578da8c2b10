// A Key Vault that authorizes with Azure RBAC only (no access policies), soft delete on.

@minLength(3)
@maxLength(24)
param name string
param location string
param tags object = {}

@description('Purge protection cannot be turned off again; leave it off for environments that azd down --purge removes.')
param enablePurgeProtection bool = false

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // The API accepts true or nothing: false is rejected, so "off" is expressed by leaving it out.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
