-- The shop schema of issue 6 for MariaDB: personal data, PK, FK, UNIQUE, NOT NULL, CHECK, a
-- generated column, and values that trip escaping.
CREATE TABLE customers (
  id INT PRIMARY KEY,
  email VARCHAR(80) NOT NULL UNIQUE CHECK (email LIKE '%@%'),
  full_name VARCHAR(64) NOT NULL,
  phone VARCHAR(20),
  ssn CHAR(11) UNIQUE,
  birth_date DATE CHECK (birth_date > '1900-01-01'),
  notes TEXT,
  created_at DATETIME NOT NULL,
  name_upper VARCHAR(64) AS (UPPER(full_name)) VIRTUAL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders (
  id INT PRIMARY KEY,
  customer_id INT NOT NULL,
  total DECIMAL(10,2) NOT NULL CHECK (total >= 0),
  status ENUM('paid', 'shipped', 'cancelled') NOT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL UNIQUE,
                       price DECIMAL(8,2) NOT NULL) ENGINE=InnoDB;
CREATE TABLE audit_log (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload TEXT) ENGINE=InnoDB;

INSERT INTO customers (id, email, full_name, phone, ssn, birth_date, notes, created_at)
SELECT seq,
       IF(seq % 97 = 0, CONCAT('o''brien.', seq, '@example.com'),
          CONCAT('user', seq, '@corp', seq % 13, '.test')),
       ELT(1 + seq % 5, CONCAT('Ann O''Neil ', seq), CONCAT('Tab\tName ', seq),
           CONCAT('Zoë Ünïcode ', seq), CONCAT('Back\\slash ', seq), CONCAT('Plain ', seq)),
       IF(seq % 11 = 0, NULL, CONCAT('+1-555-', LPAD(seq * 7919 % 10000000, 7, '0'))),
       CONCAT(SUBSTR(LPAD(seq, 9, '0'), 1, 3), '-', SUBSTR(LPAD(seq, 9, '0'), 4, 2), '-',
              SUBSTR(LPAD(seq, 9, '0'), 6, 4)),
       DATE_ADD('1950-01-01', INTERVAL seq * 37 % 20000 DAY),
       IF(seq % 3 = 0, NULL, CONCAT('line1\nline2 it''s "quoted" \\ ', seq, '\r\0end')),
       DATE_ADD('2024-01-01 00:00:00', INTERVAL seq MINUTE)
FROM seq_1_to_20000;
INSERT INTO orders
SELECT seq, 1 + seq * 7 % 20000, ROUND(seq % 500 + 0.99, 2), ELT(1 + seq % 3, 'paid', 'shipped', 'cancelled'),
       DATE_ADD('2024-06-01 00:00:00', INTERVAL seq SECOND)
FROM seq_1_to_60000;
INSERT INTO products SELECT seq, CONCAT('Product ', seq), seq * 1.25 FROM seq_1_to_50;
INSERT INTO audit_log (payload) SELECT CONCAT('user', seq, '@corp.test logged in') FROM seq_1_to_1000;
