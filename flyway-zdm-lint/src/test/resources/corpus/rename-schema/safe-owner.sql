ALTER SCHEMA reporting OWNER TO reporting_admin;
