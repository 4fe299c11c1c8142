-- One database per service: no service reads another one's data.
CREATE DATABASE newsflow_ingest;
CREATE DATABASE newsflow_enrich;
CREATE DATABASE newsflow_publish;
