## Mencocokkan kolom dengan isian, dan apa yang dilakukan kalau Laris tidak bisa

file-missing-field = { $file } tampaknya berisi { $kind }, tetapi Laris tidak tahu kolom mana yang berisi { $field }. Kolom di file ini: { $columns }. Yang paling mungkin: { $candidates }. Pilih kolom untuk { $field }, lalu impor lagi.
file-missing-field-no-candidate = { $file } tampaknya berisi { $kind }, tetapi tidak ada kolom yang berisi { $field }, dan tidak ada kolomnya ({ $columns }) yang mirip. Tambahkan kolom { $field } ke file, atau pilih jenis data lain.
file-map-unknown-field = { $file }: { $kind } tidak punya isian "{ $field }". Isian yang bisa dipilih: { $choices }.
file-map-unknown-column = { $file } tidak punya kolom { $column }. Kolomnya: { $choices } (atau nomornya, 1 sampai { $count }).
import-map-hint = Untuk mengimpornya dari baris perintah dengan kolom yang paling mungkin: { $command }
