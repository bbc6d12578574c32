-- Generated credit balance records, as a function of this session: pg_temp.generated_credit(first, count, seed).
-- The values look like a clinic's: Indian first names and surnames, 10-digit mobiles, e-mails at common domains
-- (10 % without), client codes like AD03C4403, 8 treatments, 4 centers in turn, the voucher as VoucherRule computes
-- it (center prefix + the first 3 characters of the code + digits 3..6 of the mobile). Row i is the same for the
-- same seed, whatever the batch it is generated in. Used by deploy/bench/scale.sh both to write the import CSV (the API
-- path) and to insert rows set-based (the 1,000,000-record set, which an import may not hold).
CREATE FUNCTION pg_temp.generated_credit(first BIGINT, n BIGINT, seed BIGINT)
RETURNS TABLE (client_code TEXT, client_name TEXT, phone_no TEXT, email_id TEXT, treatment_name TEXT,
               package_amount NUMERIC, amount_paid NUMERIC, balance_amount NUMERIC,
               prepaid_gift_card_balance NUMERIC, center TEXT, final_bucket TEXT, sessions_paid INTEGER,
               sessions_consumed INTEGER, balance_sessions INTEGER, voucher_number TEXT)
LANGUAGE sql AS $$
SELECT code, first_name || ' ' || last_name, phone,
       CASE WHEN h % 10 = 0 THEN NULL
            ELSE lower(first_name) || '.' || lower(last_name) || (h % 997) || '@' ||
                 (ARRAY['gmail.com','gmail.com','gmail.com','gmail.com','yahoo.co.in','rediffmail.com','outlook.com',
                        'hotmail.com','yahoo.com','icloud.com'])[1 + (h / 7) % 10] END,
       treatment, pkg, paid, pkg - paid, (h % 7) * 100, center_name, 'Bucket ' || (h % 3), 10, h % 11, 10 - h % 11,
       (ARRAY['GK','PB','PV','PT'])[c] || left(code, 3) || substr(phone, 4, 4)
FROM (
    SELECT h, c, (ARRAY['GK2','Punjabi Bagh','Preet Vihar','Pitampura'])[c] AS center_name,
           chr(65 + h % 26) || chr(65 + (h / 26) % 26) || lpad((h % 97)::text, 2, '0') || chr(65 + (h / 97) % 26)
               || lpad((h % 9973)::text, 4, '0') AS code,
           (ARRAY['Aarav','Vivaan','Aditya','Vihaan','Arjun','Sai','Reyansh','Ayaan','Krishna','Ishaan','Rohan','Rahul',
                  'Amit','Sanjay','Vikram','Anil','Sunil','Rajesh','Manoj','Deepak','Priya','Ananya','Diya','Aditi',
                  'Kavya','Meera','Pooja','Neha','Sneha','Riya','Anjali','Sunita','Kiran','Lakshmi','Geeta','Nisha',
                  'Shalini','Rekha','Swati','Divya'])[1 + (h / 3) % 40] AS first_name,
           (ARRAY['Sharma','Verma','Gupta','Kumar','Singh','Mehta','Malhotra','Kapoor','Chopra','Bansal','Agarwal',
                  'Jain','Arora','Khanna','Bhatia','Saxena','Joshi','Mishra','Pandey','Tiwari','Yadav','Reddy','Nair',
                  'Iyer','Menon','Pillai','Rao','Das','Bose','Chatterjee','Mukherjee','Banerjee','Sethi','Grover',
                  'Ahuja','Kohli','Sood','Bedi','Chawla','Dhillon'])[1 + (h / 131) % 40] AS last_name,
           (6000000000 + (h::bigint * 7919) % 3999999999)::text AS phone,
           (ARRAY['PRP Hair Restoration','Laser Hair Reduction','Vampire Facial','Botox','Chemical Peel',
                  'HydraFacial','Dermal Fillers','Microneedling'])[1 + (h / 11) % 8] AS treatment,
           30000 + 10.25 * (h % 1000) AS pkg, 10000 + 5.50 * (h % 500) AS paid
    FROM (SELECT (abs(hashint8(i + seed * 1000003)::bigint) % 2000000000)::int AS h, 1 + (i % 4)::int AS c
          FROM generate_series(first, first + n - 1) AS i) AS seeds
) AS generated
$$;
