-- What the last connection test found, and why the settings did not reach
-- the service, were kept as sentences in the language of the moment; they
-- are kept as a message's code and its values (locale.Said, as JSON) and
-- worded when shown. A sentence kept by an earlier version cannot be read
-- back as a code: it becomes a code this version does not know, which is
-- worded as "recorded by another version: try again".
ALTER TABLE connection_status RENAME COLUMN detail TO outcome;
UPDATE connection_status SET outcome = json_object('code', 'earlierVersion.text') WHERE outcome <> '';
UPDATE service_sync SET problem = json_object('code', 'earlierVersion.text'), field_errors = '' WHERE problem <> '';
