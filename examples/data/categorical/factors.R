# Writes warpbreaks.csv and toothgrowth.csv, two data sets of base R's datasets package with
# categorical columns: warpbreaks (Tippett 1950: breaks per loom by wool A/B and tension L/M/H,
# 54 rows) and ToothGrowth (Crampton 1947: odontoblast length of 60 guinea pigs by vitamin C dose
# and supplement OJ/VC). Run: Rscript examples/data/categorical/factors.R
write.csv(warpbreaks[, c("wool", "tension", "breaks")], "examples/data/categorical/warpbreaks.csv", row.names = FALSE, quote = FALSE)
write.csv(ToothGrowth[, c("dose", "supp", "len")], "examples/data/categorical/toothgrowth.csv", row.names = FALSE, quote = FALSE)
