## Layar pertama database kosong, dan toko contoh (src/ui/welcome.rs)
welcome-title = Selamat datang di Laris
welcome-body = Lihat seberapa laris toko Anda, langsung dari spreadsheet yang sudah Anda punya: pesanan dari kasir atau marketplace, prospek dan deal, aktivitas, pengeluaran, dan target.
welcome-import = Impor file…
welcome-import-hint = Ekspor CSV atau Excel dari kasir, Shopee, Tokopedia, TikTok Shop, Shopify, atau CRM Anda
welcome-sample = Coba toko contoh
welcome-sample-hint = Data tiga tahun dari sebuah toko fiktif di Indonesia, supaya Anda bisa melihat-lihat dulu.
welcome-db = Data Anda hanya disimpan di komputer ini, di { $path }

progress-sample = Menyiapkan toko contoh…
sample-done = Toko contoh sudah siap.
