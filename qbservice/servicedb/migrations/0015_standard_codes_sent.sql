-- The QuickBooks Service items the service has synced to a Procore
-- company's ERP Standard Cost Code List: a cost-code refresh tells by
-- them which cost codes are new in QuickBooks, which Automatically Add
-- New Cost Codes to Budgets adds to the synced projects' budgets.
CREATE TABLE standard_codes_sent (
    company_id INTEGER NOT NULL,
    list_id    TEXT NOT NULL,
    PRIMARY KEY (company_id, list_id)
) WITHOUT ROWID;
