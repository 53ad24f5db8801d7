-- An ERP Request may have several jobs (one Service item a cost code,
-- for an export of cost codes): they are found by the request they work
-- for.
CREATE INDEX jobs_by_erp_request ON jobs (erp_request) WHERE erp_request <> 0;
