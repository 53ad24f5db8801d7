// Package erp makes the QuickBooks service Procore's ERP integrator, as
// Procore's ERP Integration Technical Guide describes one. So far: the
// connection to one Procore company, signed in as a Developer Managed
// Service Account whose Client Secret is kept in the keychain of the
// user the service runs as (docs/procore.md).
package erp
