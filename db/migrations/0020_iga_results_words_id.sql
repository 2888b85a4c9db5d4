-- The seeded sources and award of Mesuji's IGA results (0015) were worded in English inside the
-- Indonesian UI; say them in Bahasa Indonesia. Only rows still holding the seeded words change, so
-- anything Bappeda has edited since stays as it is.
UPDATE "iga_results" SET "source" = 'Peringkat yang dilaporkan (IGA 2021); nomor keputusan belum dicatat'
  WHERE "region_code" = '18.11' AND "year" = 2021 AND "source" = 'Reported rank (IGA 2021); decree number not yet recorded';--> statement-breakpoint
UPDATE "iga_results" SET "source" = 'Malam penganugerahan IGA 2023, 12 Desember 2023; nomor keputusan belum dicatat'
  WHERE "region_code" = '18.11' AND "year" = 2023 AND "source" = 'IGA 2023 award ceremony, 12 December 2023; decree number not yet recorded';--> statement-breakpoint
UPDATE "iga_results" SET "award" = 'Nominasi (satu dari 22 kabupaten)'
  WHERE "region_code" = '18.11' AND "year" = 2024 AND "award" = 'Nominee (one of 22 kabupaten)';--> statement-breakpoint
UPDATE "iga_results" SET "source" = 'Daftar nominasi IGA 2024; hasil akhir belum dikonfirmasi'
  WHERE "region_code" = '18.11' AND "year" = 2024 AND "source" = 'IGA 2024 nominee list; final result not confirmed';
