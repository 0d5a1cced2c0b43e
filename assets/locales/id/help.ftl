## Bantuan: apa yang diukur sebuah angka, kenapa penting, bagaimana dihitung.
## Teks biasa saja, tanpa placeable. Id-nya sama dengan en/help.ftl.

help-close = Oke, mengerti
help-chart-read-heading = Cara membacanya

help-title = Apa yang ditampilkan
help-what-heading = Apa yang diukur
help-why-heading = Kenapa penting
help-how-heading = Cara menghitungnya

## Kinerja penjualan

help-revenue-what = Uang yang masuk dari pesanan lunas di periode ini.
help-revenue-why = Ini angka utama toko Anda: stok, gaji, dan keuntungan semuanya dari sini. Bandingkan dengan periode sebelumnya untuk melihat apakah jualan Anda naik.
help-revenue-how = Jumlah total semua pesanan lunas bertanggal di periode ini. Pesanan belum dibayar, refund, dan batal tidak dihitung (juga tidak dikurangkan). Pesanan tanpa nama pelanggan tetap dihitung.

help-orders-what = Berapa banyak pesanan lunas yang Anda terima di periode ini.
help-orders-why = Menunjukkan seberapa ramai toko Anda. Kalau pesanan naik tapi omzet tidak, pelanggan membeli barang yang lebih murah atau lebih sedikit per pesanan.
help-orders-how = Jumlah pesanan lunas bertanggal di periode ini. Pesanan belum dibayar, refund, dan batal tidak dihitung.

help-aov-what = Rata-rata belanja pelanggan dalam satu pesanan.
help-aov-why = Kalau angka ini turun padahal jumlah pesanan tetap, pelanggan belanja lebih sedikit tiap kali beli. Paket bundling atau gratis ongkir dengan minimal belanja bisa menaikkannya.
help-aov-how = Omzet dibagi jumlah pesanan lunas di periode ini.

help-sales_growth-what = Seberapa besar omzet naik atau turun dibanding periode pembanding.
help-sales_growth-why = Sekilas Anda tahu apakah toko sedang maju. Turun sedikit sekali wajar; kalau turun beberapa periode berturut-turut, perlu dicek.
help-sales_growth-how = (Omzet sekarang dikurangi omzet periode pembanding) dibagi omzet periode pembanding: biasanya periode sebelumnya yang sejenis, dengan jumlah hari yang sama.

help-target_attainment-what = Berapa persen target omzet yang sudah Anda capai di periode ini.
help-target_attainment-why = Menunjukkan apakah Anda masih sesuai jalur. Kalau baru 80% dan tinggal seminggu, Anda tahu harus tancap gas sekarang, bukan setelah bulannya lewat.
help-target_attainment-how = Omzet dibagi target omzet: target tim, atau kalau tidak ada, jumlah target para sales. Target dihitung sebanding dengan hari bulan, kuartal, atau tahunnya yang masuk periode ini.

help-new_customers-what = Pelanggan yang pertama kali membeli dari Anda di periode ini.
help-new_customers-why = Toko perlu pembeli baru untuk tumbuh dan menggantikan yang berhenti datang. Kalau turun, mungkin promosi Anda kurang jalan atau toko Anda kurang terlihat di marketplace.
help-new_customers-how = Pelanggan yang pesanan lunas pertamanya (dari seluruh data Anda) bertanggal di periode ini. Pelanggan dikenali dari ID pelanggan, atau dari namanya.

help-retention_rate-what = Persentase pelanggan periode lalu yang membeli lagi di periode ini.
help-retention_rate-why = Mempertahankan pelanggan biasanya lebih murah daripada mencari yang baru. Kalau angka ini naik, berarti pelanggan senang kembali.
help-retention_rate-how = Pelanggan yang punya pesanan lunas di periode sebelumnya yang sejenis (apa pun pilihan pembandingnya) dan juga di periode ini, dibagi semua pelanggan periode sebelumnya itu.

help-churn_rate-what = Persentase pelanggan periode lalu yang tidak membeli lagi di periode ini (churn).
help-churn_rate-why = Kalau naik, pelanggan tetap mulai menjauh: cek harga, stok, pelayanan, atau pesaing baru di sekitar Anda.
help-churn_rate-how = 100% dikurangi persentase pelanggan kembali. Selalu memakai periode sebelumnya yang sejenis, apa pun pilihan pembandingnya.

help-clv-what = Rata-rata omzet yang sudah Anda dapat dari satu pelanggan selama ini, dari semua belanjanya (CLV, nilai pelanggan).
help-clv-why = Memberi tahu berapa nilai seorang pelanggan bagi Anda, jadi Anda tahu berapa biaya yang pantas untuk mendapatkannya. Bandingkan dengan CAC.
help-clv-how = Omzet semua pesanan lunas sampai akhir periode (termasuk pesanan tanpa pelanggan), dibagi jumlah pelanggan yang punya pesanan lunas sampai saat itu.

help-cac-what = Biaya marketing dan penjualan yang Anda keluarkan untuk mendapatkan tiap pelanggan baru di periode ini (CAC).
help-cac-why = Kalau biaya mendapatkan pelanggan lebih besar dari belanja mereka, iklan Anda rugi. Pantau angka ini setiap kali menaikkan budget iklan.
help-cac-how = Pengeluaran berkategori marketing atau sales yang bertanggal di periode ini, dibagi jumlah pelanggan baru di periode ini.

help-clv_cac_ratio-what = Berapa kali nilai seorang pelanggan (CLV) menutup biaya untuk mendapatkan satu pelanggan baru (CAC).
help-clv_cac_ratio-why = Di atas 1, pelanggan menghasilkan omzet lebih besar dari biaya mendapatkannya; makin tinggi, makin balik modal marketing Anda. Di bawah 1, biayanya lebih besar dari hasilnya.
help-clv_cac_ratio-how = CLV (semua pesanan lunas sampai akhir periode) dibagi CAC (pengeluaran marketing dan sales periode ini per pelanggan baru).

help-leads-what = Calon pembeli baru (prospek atau leads) yang masuk di periode ini: orang yang bertanya, mendaftar, atau menunjukkan minat.
help-leads-why = Prospek hari ini adalah penjualan besok. Prospek yang sedikit sekarang biasanya berarti pesanan berkurang beberapa minggu lagi.
help-leads-how = Jumlah prospek yang tanggal dibuatnya ada di periode ini.

help-lead_conversion_rate-what = Persentase prospek baru periode ini yang akhirnya menjadi pelanggan.
help-lead_conversion_rate-why = Menunjukkan seberapa pandai Anda mengubah minat menjadi penjualan. Prospek banyak tapi konversi rendah sering berarti balasan lambat atau penawaran kurang menarik.
help-lead_conversion_rate-how = Prospek yang dibuat di periode ini dan sudah terkonversi (status converted atau ada tanggal konversi, kapan pun), dibagi semua prospek yang dibuat di periode ini.

help-opportunities-what = Deal baru yang dibuka di periode ini: calon penjualan yang mulai Anda garap.
help-opportunities-why = Makin banyak deal di pipeline sekarang, makin banyak yang bisa closing nanti, misalnya pesanan besar dari reseller atau kantor.
help-opportunities-how = Jumlah deal yang tanggal dibuatnya ada di periode ini. Total nilainya adalah nilai deal baru.

help-win_rate-what = Dari deal yang ditutup di periode ini, persentase yang berhasil Anda menangkan.
help-win_rate-why = Kalau rasio closing turun, makin banyak penawaran yang lepas: karena harga, follow-up yang lambat, atau prospek yang kurang tepat.
help-win_rate-how = Deal menang yang tanggal tutupnya di periode ini, dibagi deal menang atau kalah yang tanggal tutupnya di periode ini. Deal yang masih berjalan tidak dihitung.

help-avg_deal_cycle_days-what = Rata-rata berapa hari sebuah deal yang menang berjalan, dari dibuka sampai closing.
help-avg_deal_cycle_days-why = Makin pendek, makin cepat uang masuk. Kalau makin panjang, pembeli ragu-ragu atau follow-up Anda lambat.
help-avg_deal_cycle_days-how = Rata-rata (tanggal tutup dikurangi tanggal dibuat) dalam hari, untuk deal menang yang tanggal tutupnya di periode ini. Tanggal tanpa jam dianggap pukul 00.00.

help-csat-what = Persentase pelanggan yang memberi nilai 4 atau 5 dari 5 di periode ini (CSAT, kepuasan pelanggan).
help-csat-why = Pelanggan yang puas akan kembali dan merekomendasikan Anda. Skor rendah jadi peringatan dini, sebelum ulasan dan penjualan ikut turun.
help-csat-how = Jawaban survei kepuasan di periode ini dengan skor 4 atau 5, dibagi semua jawaban di periode ini.

help-mrr-what = Jumlah tagihan bulanan dari semua langganan yang masih berjalan di akhir periode (MRR, omzet langganan bulanan).
help-mrr-why = Uang langganan datang lagi setiap bulan, jadi ini pemasukan yang bisa Anda andalkan untuk merencanakan stok dan karyawan.
help-mrr-how = Jumlah tagihan bulanan semua langganan yang aktif di hari terakhir periode: mulai pada atau sebelum hari itu, dan belum berakhir (tanpa tanggal akhir atau berakhir sesudahnya).

help-subscription_churn-what = Persentase langganan yang masih berjalan tepat sebelum periode ini dan berhenti selama periode ini.
help-subscription_churn-why = Setiap langganan yang berhenti berarti pemasukan bulanan hilang. Kalau angkanya naik, tanyakan alasannya ke pelanggan yang berhenti.
help-subscription_churn-how = Langganan yang aktif sehari sebelum periode dimulai dan berakhir paling lambat di hari terakhir periode, dibagi semua langganan yang aktif di hari itu.
help-refund_amount-what = Nilai pesanan yang di-refund di periode ini.
help-refund_amount-why = Setiap refund adalah penjualan yang kembali. Kalau angkanya naik, cek produk mana yang dikembalikan dan kenapa.
help-refund_amount-how = Jumlah total pesanan berstatus refund yang bertanggal di periode ini. Tidak dikurangkan dari omzet: pesanan refund memang tidak dihitung sebagai omzet.
help-refund_rate-what = Persentase pesanan di periode ini yang di-refund.
help-refund_rate-why = Refund yang makin sering menandakan ada produk, kurir, atau foto produk yang mengecewakan pembeli.
help-refund_rate-how = Pesanan refund dibagi pesanan lunas ditambah pesanan refund, semuanya bertanggal di periode ini.
help-cogs-what = Total harga modal (HPP) dari produk yang terjual di periode ini.
help-cogs-why = Bagi kebanyakan toko, ini biaya terbesar; tanpa HPP Anda tidak tahu berapa keuntungan dari penjualan.
help-cogs-how = Untuk setiap barang di pesanan lunas periode ini: jumlah barang dikali HPP produknya yang berlaku di tanggal pesanan (baris HPP dengan tanggal berlaku terakhir pada atau sebelum tanggal itu). Barang yang produknya belum ada HPP tidak dihitung.
help-cost_coverage-what = Persentase penjualan yang produknya sudah ada HPP-nya.
help-cost_coverage-why = Angka laba hanya selengkap HPP Anda. Kalau di bawah 100%, laba kotor dan laba bersih terlihat lebih besar dari sebenarnya.
help-cost_coverage-how = Nilai barang terjual di pesanan lunas periode ini yang produknya punya HPP di tanggal pesanan, dibagi nilai semua barang terjual.
help-gross_profit-what = Keuntungan dari penjualan setelah dikurangi harga modal (HPP) produk yang terjual.
help-gross_profit-why = Omzet bisa naik sementara laba turun; angka ini menunjukkan sisa penjualan untuk membayar biaya marketplace, iklan, dan gaji.
help-gross_profit-how = Omzet dikurangi total HPP, keduanya dari pesanan lunas di periode ini.
help-gross_margin-what = Laba kotor dibanding omzet, dalam persen.
help-gross_margin-why = Menunjukkan berapa bagian dari tiap penjualan yang tersisa setelah HPP, jadi Anda bisa membandingkan produk, saluran, dan periode.
help-gross_margin-how = Laba kotor dibagi omzet.
help-marketplace_fees-what = Potongan marketplace dari pesanan lunas di periode ini: komisi, biaya layanan, biaya pembayaran, dan biaya program.
help-marketplace_fees-why = Biaya marketplace bisa memakan sebagian besar margin; dengan tahu angkanya Anda bisa menentukan harga yang pas untuk tiap saluran.
help-marketplace_fees-how = Jumlah biaya di laporan pencairan dana marketplace untuk pesanan lunas yang bertanggal di periode ini.
help-fee_rate-what = Persentase penjualan marketplace yang dipotong marketplace sebagai biaya.
help-fee_rate-why = Bandingkan antar-marketplace dan dengan margin Anda: saluran yang biayanya melebihi margin berarti jualan rugi.
help-fee_rate-how = Biaya marketplace dibagi omzet pesanan lunas di periode ini yang sudah ada pencairan dananya.
help-net_profit-what = Sisa uang setelah dikurangi HPP, biaya marketplace, dan pengeluaran yang Anda catat.
help-net_profit-why = Inilah keuntungan toko yang sebenarnya di periode ini.
help-net_profit-how = Laba kotor dikurangi biaya marketplace dan semua pengeluaran bertanggal di periode ini, apa pun kategorinya. Biaya marketplace dan pengeluaran dihitung nol kalau belum diimpor.

## Aktivitas penjualan

help-activities-what = Semua aktivitas penjualan yang tercatat di periode ini: telepon, email, pertemuan, follow-up, posting media sosial, dan lainnya.
help-activities-why = Penjualan datang dari usaha. Kalau aktivitas berkurang, prospek dan deal biasanya ikut berkurang tidak lama kemudian.
help-activities-how = Jumlah aktivitas bertanggal di periode ini, semua jenis dihitung, juga dirinci per jenis dan per sales.

help-time_on_activities_hours-what = Jumlah jam yang dipakai untuk aktivitas penjualan di periode ini.
help-time_on_activities_hours-why = Menunjukkan waktu tim Anda terpakai untuk apa saja. Jam yang banyak belum tentu baik atau buruk: bandingkan dengan deal dan penjualan yang dihasilkan.
help-time_on_activities_hours-how = Menit semua aktivitas bertanggal di periode ini dijumlahkan lalu dibagi 60. Aktivitas tanpa durasi dihitung 0.

help-calls_emails-what = Telepon dan email ke pelanggan dan prospek di periode ini.
help-calls_emails-why = Cara sehari-hari menjangkau pembeli. Kalau di sini turun, jumlah deal biasanya ikut turun belakangan.
help-calls_emails-how = Jumlah aktivitas berjenis telepon (call) atau email yang bertanggal di periode ini.

help-meetings-what = Pertemuan dengan pelanggan atau prospek di periode ini, tatap muka maupun online.
help-meetings-why = Pertemuan membantu deal yang lebih besar bergerak maju, misalnya dengan reseller, kantor, atau pembeli grosir langganan.
help-meetings-how = Jumlah aktivitas berjenis pertemuan (meeting) yang bertanggal di periode ini.

help-follow_ups-what = Follow-up di periode ini: menghubungi lagi orang setelah kontak pertama atau setelah penawaran.
help-follow_ups-why = Banyak penjualan baru closing setelah dihubungi kedua atau ketiga kalinya. Jarang follow-up biasanya berarti ada penjualan yang lepas.
help-follow_ups-how = Jumlah aktivitas berjenis follow-up yang bertanggal di periode ini.

help-proposals-what = Proposal atau penawaran harga yang Anda kirim di periode ini.
help-proposals-why = Setiap penawaran adalah kesempatan nyata untuk closing. Bandingkan dengan rasio closing untuk melihat berapa yang jadi penjualan.
help-proposals-how = Jumlah aktivitas berjenis penawaran (proposal) yang bertanggal di periode ini.

help-demos-what = Demo produk yang dilakukan di periode ini.
help-demos-why = Melihat produknya langsung membantu pembeli memutuskan. Makin banyak demo biasanya makin banyak deal.
help-demos-how = Jumlah aktivitas berjenis demo yang bertanggal di periode ini.

help-networking_events-what = Acara yang Anda datangi untuk bertemu orang baru: bazar, pameran, kumpul komunitas.
help-networking_events-why = Acara seperti ini membawa kenalan dan referral yang tidak terjangkau iklan.
help-networking_events-how = Jumlah aktivitas berjenis acara networking (networking event) yang bertanggal di periode ini.

help-lead_response_hours-what = Rata-rata berapa lama sampai prospek baru mendapat balasan pertama.
help-lead_response_hours-why = Orang yang bertanya lewat WhatsApp atau chat sering membeli dari yang paling cepat membalas. Balas lebih cepat, biasanya jualan lebih banyak.
help-lead_response_hours-how = Rata-rata jam dari prospek dibuat sampai respons pertamanya, untuk prospek yang dibuat di periode ini dan sudah dibalas. Prospek yang belum dibalas tidak dihitung.

help-inquiry_response_hours-what = Rata-rata berapa lama pelanggan menunggu jawaban atas pertanyaannya.
help-inquiry_response_hours-why = Jawaban yang lambat membuat pembeli pergi dan bisa menurunkan nilai performa chat toko Anda di marketplace.
help-inquiry_response_hours-how = Rata-rata jam dari pertanyaan diterima sampai dijawab, untuk pertanyaan yang diterima di periode ini dan sudah dijawab. Yang belum dijawab tidak dihitung.

help-social_engagement-what = Like, komentar, share, dan pesan di postingan media sosial Anda di periode ini.
help-social_engagement-why = Interaksi menunjukkan apakah postingan Anda sampai ke orang. Biasanya interaksi naik dulu, baru prospek dan pesanan menyusul.
help-social_engagement-how = Jumlah hitungan (count) aktivitas berjenis posting media sosial (social post) bertanggal di periode ini; hitungan tiap posting adalah like, komentar, share, dan pesannya.

help-referrals-what = Prospek baru yang datang karena direkomendasikan orang lain (referral).
help-referrals-why = Promosi dari mulut ke mulut adalah cara termurah mendapat pelanggan, dan mereka biasanya lebih cepat percaya.
help-referrals-how = Jumlah prospek yang dibuat di periode ini dengan sumber referral.

help-activity_ratio-what = Berapa aktivitas yang dibutuhkan untuk setiap deal yang menang di periode ini.
help-activity_ratio-why = Makin rendah, makin mudah usaha tim berubah jadi penjualan. Kalau naik, usahanya bertambah lebih cepat daripada hasilnya.
help-activity_ratio-how = Aktivitas bertanggal di periode ini (semua jenis kecuali posting media sosial), dibagi deal menang yang tanggal tutupnya di periode ini.

help-upsell_cross_sell_rate-what = Dari pelanggan lama yang belanja lagi, persentase yang membeli produk yang belum pernah mereka beli dari Anda.
help-upsell_cross_sell_rate-why = Menjual lebih banyak ke pelanggan yang sudah percaya lebih mudah daripada mencari yang baru. Ini menunjukkan apakah saran produk dan bundling Anda berhasil.
help-upsell_cross_sell_rate-how = Pelanggan dengan pesanan lunas sebelum periode dan di periode ini: persentase yang pesanan lunasnya di periode ini memuat produk baru bagi mereka. Produk dicocokkan dari namanya.

## Produktivitas penjualan

help-avg_deal_size-what = Rata-rata nilai deal yang menang di periode ini.
help-avg_deal_size-why = Deal yang lebih besar memberi omzet lebih banyak dengan usaha yang sama. Kalau turun, pembeli memesan lebih sedikit atau minta diskon lebih besar.
help-avg_deal_size-how = Rata-rata nilai akhir deal menang yang tanggal tutupnya di periode ini. Deal menang tanpa nilai akhir tidak dihitung.

help-pipeline_value-what = Total nilai deal yang masih berjalan di akhir periode.
help-pipeline_value-why = Ini penjualan yang masih mungkin masuk. Pipeline yang tipis sekarang berarti bulan depan bisa sepi.
help-pipeline_value-how = Jumlah nilai deal yang masih terbuka di akhir periode: dibuat paling lambat hari terakhirnya (atau tanpa tanggal dibuat), dan masih berjalan atau baru ditutup sesudah hari itu.

help-weighted_pipeline-what = Nilai pipeline yang masih berjalan, disesuaikan dengan peluang tiap deal untuk menang.
help-weighted_pipeline-why = Perkiraan yang lebih realistis daripada pipeline biasa: deal yang baru mulai nilainya lebih kecil daripada yang sudah tahap negosiasi.
help-weighted_pipeline-how = Nilai tiap deal terbuka dikali peluang menang tahapnya, lalu dijumlahkan. Peluang per tahap bisa Anda ubah; bawaannya persentase deal lama yang mencapai tahap itu lalu menang.

## Grafik

help-chart-revenue-what = Omzet per bulan (per minggu atau per hari untuk periode pendek) sepanjang periode.
help-chart-revenue-how = Periode ini berwarna hijau toska. Garis abu-abu putus-putus adalah periode pembanding, dan garis jingga (amber) adalah target Anda.
help-chart-funnel-what = Berapa banyak deal yang dibuka di periode ini yang sampai ke tiap tahap pipeline Anda.
help-chart-funnel-how = Satu batang per tahap, sesuai urutan pipeline. Persen di antara dua batang adalah deal yang bocor sebelum tahap berikutnya: yang terbesar menunjukkan di mana deal paling sering macet.
help-chart-quota-what = Omzet tiap sales di periode ini dibanding target omzetnya sendiri.
help-chart-quota-how = Satu batang per sales. Batang yang mencapai tanda 100% berarti sales itu sudah mencapai targetnya. Sales tanpa target tidak punya batang.
help-chart-cohorts-what = Apakah pelanggan kembali lagi: pelanggan dikelompokkan menurut bulan pertama mereka membeli.
help-chart-cohorts-how = Tiap baris berisi pelanggan yang pertama kali membeli di bulan itu. Kotak di kolom N bulan menunjukkan berapa persen dari mereka yang membeli lagi N bulan kemudian.
help-chart-activities_by_rep-what = Aktivitas yang dicatat tiap sales di periode ini, dirinci per jenis.
help-chart-activities_by_rep-how = Satu batang per sales, diurutkan dari total terbanyak; bagian-bagian batang adalah jenis aktivitasnya. Aktivitas tanpa nama sales tidak tampil di sini.
help-chart-activities_over_time-what = Berapa banyak aktivitas yang dicatat tiap bulan (atau tiap minggu atau hari untuk periode pendek).
help-chart-activities_over_time-how = Baca dari kiri ke kanan: apakah usaha tim stabil, naik, atau menurun? Penurunan di sini sering disusul turunnya prospek dan omzet.
help-chart-conversion_by_source-what = Konversi prospek untuk tiap sumber prospek: Instagram, WhatsApp, referral, website, dan lainnya.
help-chart-conversion_by_source-how = Satu batang per sumber: persentase prospeknya yang dibuat di periode ini dan sudah terkonversi. Kalau prospeknya sedikit, angkanya mudah naik-turun. Prospek tanpa sumber tidak dihitung.
help-chart-pipeline_by_stage-what = Nilai deal yang masih berjalan di akhir periode, per tahap pipeline.
help-chart-pipeline_by_stage-how = Satu batang per tahap, sesuai urutan pipeline. Nilai yang menumpuk di tahap awal berarti masih banyak deal yang perlu digarap sebelum closing.
help-chart-revenue_by_channel-what = Omzet periode ini per saluran penjualan: toko Anda, Shopee, Tokopedia, WhatsApp, dan lainnya.
help-chart-revenue_by_channel-how = Satu batang per saluran, berisi omzet dari pesanan lunas. Dari sini terlihat saluran mana yang benar-benar mendatangkan uang.
help-chart-top_products-what = Sepuluh produk dengan omzet terbesar di periode ini.
help-chart-top_products-how = Satu batang per produk, dari omzet terbesar, dihitung dari rincian pesanan lunas. Pesanan refund dan batal tidak dihitung.
help-chart-profit_by_channel-what = Ke mana omzet tiap saluran pergi: harga modal barang yang terjual, biaya marketplace, dan sisanya untuk Anda.
help-chart-profit_by_channel-how = Satu batang per saluran, sepanjang omzetnya dari pesanan lunas: total HPP (jumlah barang kali harga modalnya pada tanggal pesanan), lalu biaya marketplace dari laporan penghasilan, lalu laba kotor dikurangi biaya itu. Barang yang belum ada HPP-nya dihitung tanpa modal, jadi bagian sisanya terlalu panjang sampai HPP-nya diisi.
