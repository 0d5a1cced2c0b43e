## Tab Target (src/ui/targets_tab.rs)
targets-title = Target
targets-intro = Ketik target di kotak mana saja lalu simpan. Target bulanan lebih diutamakan daripada target kuartalnya, dan target kuartal daripada target tahunannya.
targets-metric = Target untuk
targets-per-month = Per bulan
targets-per-quarter = Per kuartal
targets-per-year = Per tahun
targets-team = Seluruh tim
targets-save = Simpan target
targets-discard = Buang perubahan
targets-invalid = Ada kotak yang isinya bukan angka (merah); perbaiki dulu agar bisa disimpan.
targets-batch-name = Tab Target
targets-saved = Target tersimpan. Kalau perlu, urungkan lewat tab Data.
