-- Public facts for Kabupaten Mesuji (18.11), as reported; unknown values stay empty (never guessed).
-- Population: Kemendagri data of 2025 as published in the MIT-licensed dataset cahyadsn/wilayah.
insert into region_population (region_code, year, population, source)
values ('18.11', 2025, 241280, 'Kemendagri 2025 (Kepmendagri 300.2.2-2138/2025), via github.com/cahyadsn/wilayah')
on conflict do nothing;
--> statement-breakpoint
insert into iga_results (region_code, year, national_rank, province_rank, innovations_reported, award, category, source)
values
  ('18.11', 2021, 155, 13, null, null, null, 'Reported rank (IGA 2021); decree number not yet recorded'),
  ('18.11', 2022, 36, 5, null, null, null, 'Kepmendagri 400.10.11-6301/2022'),
  ('18.11', 2023, 16, null, 110, 'Kabupaten Terinovatif (12 Desember 2023, Jakarta)', null, 'IGA 2023 award ceremony, 12 December 2023; decree number not yet recorded'),
  ('18.11', 2024, null, null, null, 'Nominee (one of 22 kabupaten)', null, 'IGA 2024 nominee list; final result not confirmed')
on conflict do nothing;
--> statement-breakpoint
-- The two real flagships open the public gallery; admin or Bappeda choose the rest.
update innovations set is_public = true, slug = 'payo-beladas' where region_code = '18.11' and name = 'Payo Beladas' and slug is null;
--> statement-breakpoint
update innovations set is_public = true, slug = 'pak-kur' where region_code = '18.11' and name = 'Pak Kur' and slug is null;
