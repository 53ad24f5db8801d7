package syncrules

import "qbsettings/backend/settings"

// DirectCosts is rule 3 (Procore's Budget Direct Cost Columns, and Hide
// Job To Date Costs Column on the Budget): what a project's job-cost sync
// does, as the settings say.
type DirectCosts struct {
	// TransactionsImported: QuickBooks' job costs fill the Budget's Direct
	// Cost column (Read Only), so the project's configuration asks for
	// its job cost transactions to be imported
	// (erp_job_cost_transaction_syncing_enabled); Editable leaves the
	// column to Procore's Direct Costs tool.
	TransactionsImported bool
	// JobToDateSent: the job-to-date figures go with the job costs, and
	// their column shows on the Budget; left out when the column is
	// Editable and Hide Job To Date Costs is on (it applies only then).
	JobToDateSent bool
}

// DirectCostsOf is rule 3 for column and hide.
func DirectCostsOf(column settings.DirectCostColumn, hide bool) DirectCosts {
	readOnly := column != settings.DirectCostEditable
	return DirectCosts{TransactionsImported: readOnly, JobToDateSent: readOnly || !hide}
}
