# Grafik di dasbor (src/ui/charts).
chart-revenue = Omzet
chart-funnel = Funnel penjualan
chart-quota = Pencapaian target per sales
chart-cohorts = Pelanggan kembali menurut bulan pembelian pertama
chart-activities-by-rep = Aktivitas per sales
chart-activities-over-time = Aktivitas dari waktu ke waktu
chart-conversion-by-source = Konversi prospek menurut sumber
chart-pipeline-by-stage = Pipeline per tahap
chart-revenue-by-channel = Omzet per saluran
chart-channel-profit = Ke mana omzet pergi, per saluran
chart-profit-cogs = Total HPP
chart-profit-fees = Biaya marketplace
chart-profit-left = Sisa untuk Anda
# Di ujung batang saluran: "12,3 jt omzet, sisa 4,1 jt".
chart-profit-bar = { $revenue } omzet, sisa { $left }
chart-top-products = Produk terlaris menurut omzet
chart-title-period = { $title } · { $period }
chart-title-at = { $title } · per { $date }
chart-this-period = Periode ini
chart-comparison-period = Periode pembanding ({ $period })
chart-target = Target
# Garis putus-putus lanjutan grafik omzet sampai akhir periode.
chart-projected = Perkiraan sampai akhir periode
chart-compared-with = Dibandingkan dengan { $period }
chart-funnel-bar = { $reached } · { $kept } lanjut · { $lost } lepas
chart-funnel-last = { $reached }
chart-quota-line = 100% target
chart-source-bar = { $rate } dari { $leads } prospek
chart-pipeline-value = Nilai pipeline
chart-pipeline-weighted = Perkiraan nilai pipeline
chart-pipeline-other = (tahap lain)
chart-cohort-month = Pembelian pertama
chart-cohort-customers = Pelanggan
chart-cohort-after = Bulan ke-
chart-abbr-thousand = rb
chart-abbr-million = jt
chart-abbr-billion = M
chart-abbr-trillion = T
# Kotak kohort yang diklik, di judul daftar data: "Pelanggan Mar 2025, 2 bulan kemudian".
chart-cohort-cell = pelanggan { $month }, { $after ->
    [0] bulan pertama mereka
   *[other] { $after } bulan kemudian
}
