## Kata yang dipakai banyak layar dan perintah

## Jenis data
kind-orders = Pesanan
kind-order_lines = Rincian pesanan
kind-leads = Prospek
kind-deals = Deal
kind-deal_stages = Riwayat tahap deal
kind-activities = Aktivitas
kind-targets = Target
kind-expenses = Pengeluaran
kind-csat = Skor kepuasan
kind-inquiries = Pertanyaan pelanggan
kind-subscriptions = Langganan

## Jumlah data per jenis, di dalam kalimat (isi cadangan)
kind-count-orders = { $count } pesanan
kind-count-order_lines = { $count } rincian pesanan
kind-count-leads = { $count } prospek
kind-count-deals = { $count } deal
kind-count-deal_stages = { $count } perubahan tahap deal
kind-count-activities = { $count } aktivitas
kind-count-targets = { $count } target
kind-count-expenses = { $count } pengeluaran
kind-count-csat = { $count } skor kepuasan
kind-count-inquiries = { $count } pertanyaan pelanggan
kind-count-subscriptions = { $count } langganan

## Nama angka
metric-revenue = Omzet
metric-orders = Pesanan
metric-aov = Rata-rata nilai pesanan
metric-sales_growth = Pertumbuhan penjualan
metric-revenue_target = Target omzet
metric-target_attainment = Pencapaian target
metric-new_customers = Pelanggan baru
metric-deals_won = Deal dimenangkan
metric-active_customers = Pelanggan aktif
metric-retention_rate = Pelanggan kembali
metric-churn_rate = Pelanggan tidak kembali
metric-subscription_churn = Langganan berhenti
metric-mrr = Omzet langganan bulanan (MRR)
metric-mrr_growth = Pertumbuhan omzet langganan
metric-clv = Nilai pelanggan (CLV)
metric-cac = Biaya per pelanggan baru (CAC)
metric-clv_cac_ratio = Rasio CLV : CAC
metric-leads = Prospek
metric-lead_conversion_rate = Konversi prospek
metric-opportunities = Deal baru
metric-opportunity_value = Nilai deal baru
metric-win_rate = Rasio closing
metric-avg_deal_cycle_days = Rata-rata lama closing
metric-median_deal_cycle_days = Median lama closing
metric-funnel = Funnel penjualan (tercapai, bocor)
metric-goal_attainment = Pencapaian target tim
metric-quota_attainment = Pencapaian target per sales
metric-reps_at_quota = Sales yang capai target
metric-csat = Pelanggan puas (4 atau 5)
metric-csat_avg = Rata-rata skor kepuasan
metric-activities = Aktivitas
metric-calls_emails = Telepon dan email
metric-meetings = Pertemuan
metric-follow_ups = Follow-up
metric-proposals = Penawaran
metric-demos = Demo
metric-networking_events = Acara networking
metric-time_on_activities_hours = Waktu untuk aktivitas
metric-lead_response_hours = Waktu balas prospek
metric-median_lead_response_hours = Median waktu balas prospek
metric-social_engagement = Interaksi media sosial
metric-referrals = Referral
metric-conversion_by_source = Konversi prospek per sumber
metric-inquiry_response_hours = Waktu balas pertanyaan
metric-median_inquiry_response_hours = Median waktu balas pertanyaan
metric-activity_ratio = Aktivitas per deal menang
metric-upsell_cross_sell_rate = Tingkat upsell dan cross-sell
metric-sales_per_rep = Penjualan per sales (pesanan, deal)
metric-avg_deal_size = Rata-rata nilai deal
metric-revenue_by_channel = Omzet per saluran
metric-top_products = Produk terlaris
metric-pipeline_value = Nilai pipeline
metric-weighted_pipeline = Perkiraan nilai pipeline
metric-win_rate_by_rep = Rasio closing per sales
metric-avg_deal_cycle_days_by_rep = Rata-rata lama closing per sales
metric-lead_conversion_rate_by_rep = Konversi prospek per sales
metric-clv_by_rep = Nilai pelanggan (CLV) per sales

## Satuan, dan tanda untuk angka yang tidak bisa dihitung dari data
report-no-value = –
unit-hours = jam
unit-days = hari

## Tanggal dan periode
date-long = { $day } { $month } { $year }
date-short = { $day } { $month } { $year }
period-week = Minggu ke-{ $week }, { $year }
period-quarter = Kuartal { $quarter } { $year }
month-1 = Januari
month-2 = Februari
month-3 = Maret
month-4 = April
month-5 = Mei
month-6 = Juni
month-7 = Juli
month-8 = Agustus
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Desember
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = Mei
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Agu
month-short-9 = Sep
month-short-10 = Okt
month-short-11 = Nov
month-short-12 = Des
weekday-short-1 = Sen
weekday-short-2 = Sel
weekday-short-3 = Rab
weekday-short-4 = Kam
weekday-short-5 = Jum
weekday-short-6 = Sab
weekday-short-7 = Min

# Jenis aktivitas standar model data, seperti yang tampil di grafik, tabel dan laporan.
activity-type-call = Telepon
activity-type-email = Email
activity-type-meeting = Pertemuan
activity-type-follow_up = Follow-up
activity-type-proposal = Penawaran
activity-type-demo = Demo
activity-type-networking_event = Acara networking
activity-type-social_post = Posting medsos

# Status pesanan, deal dan prospek menurut model data.
status-paid = Lunas
status-unpaid = Belum dibayar
status-refunded = Dikembalikan
status-cancelled = Dibatalkan
status-open = Berjalan
status-won = Menang
status-lost = Kalah
status-converted = Jadi pembeli
