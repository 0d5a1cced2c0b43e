# Impor: skor CSAT berskala 10 (laris import --csat-scale).
reason-bad-score-1-10 = bukan skor kepuasan 1 sampai 10
reason-bad-score-0-10 = bukan skor kepuasan 0 sampai 10
