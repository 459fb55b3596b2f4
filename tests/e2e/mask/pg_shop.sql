-- The shop schema of issue 6 with personal data, every kind of constraint, and the values that
-- trip escaping: quotes, TAB, LF, backslashes, "\N" and "\." as text, non-ASCII.
CREATE TABLE customers (
  id integer PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (position('@' in email) > 1),
  full_name varchar(64) NOT NULL,
  phone varchar(20),
  ssn char(11) UNIQUE,
  birth_date date CHECK (birth_date > date '1900-01-01'),
  notes text,
  created_at timestamptz NOT NULL
);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id),
  total numeric(10,2) NOT NULL CHECK (total >= 0),
  status text NOT NULL CHECK (status IN ('paid', 'shipped', 'cancelled')),
  created_at timestamptz NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL UNIQUE,
                       price numeric(8,2) NOT NULL);
CREATE TABLE audit_log (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
                        payload text);
COMMENT ON TABLE customers IS 'decoy: COPY public.customers (id) FROM stdin;
1	secret
\.
';
CREATE FUNCTION decoy() RETURNS text LANGUAGE sql AS $$ SELECT 'x
\.
COPY public.customers (id, email) FROM stdin;'::text $$;

INSERT INTO customers
SELECT g,
       CASE WHEN g % 97 = 0 THEN 'o''brien.' || g || '@example.com'
            ELSE 'user' || g || '@corp' || (g % 13) || '.test' END,
       CASE g % 5 WHEN 0 THEN 'Ann O''Neil ' || g WHEN 1 THEN E'Tab\tName ' || g
                  WHEN 2 THEN 'Zoë Ünïcode ' || g WHEN 3 THEN E'Back\\slash ' || g
                  ELSE 'Plain Person ' || g END,
       CASE WHEN g % 11 = 0 THEN NULL ELSE '+1-555-' || lpad((g * 7919 % 10000000)::text, 7, '0') END,
       substr(lpad(g::text, 9, '0'), 1, 3) || '-' || substr(lpad(g::text, 9, '0'), 4, 2) || '-' ||
         substr(lpad(g::text, 9, '0'), 6, 4),
       date '1950-01-01' + (g * 37 % 20000),
       CASE WHEN g % 3 = 0 THEN NULL ELSE E'line1\nline2 \\N is text; \\. too ' || g END,
       timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 20000) AS g;
INSERT INTO orders
SELECT g, 1 + (g * 7 % 20000), round((g % 500)::numeric + 0.99, 2),
       (ARRAY['paid', 'shipped', 'cancelled'])[1 + g % 3],
       timestamptz '2024-06-01 00:00:00+00' + g * interval '1 second'
FROM generate_series(1, 60000) AS g;
INSERT INTO products SELECT g, 'Product ' || g, g * 1.25 FROM generate_series(1, 50) AS g;
INSERT INTO audit_log (payload)
SELECT 'user' || g || '@corp.test logged in' FROM generate_series(1, 1000) AS g;
