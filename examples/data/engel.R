# Writes engel.csv: Engel's food expenditure data (235 Belgian working-class households, 1857),
# as shipped with R's quantreg package (data(engel)). Run: Rscript examples/data/engel.R
library(quantreg)
data(engel)
write.csv(engel[, c("income", "foodexp")], "examples/data/engel.csv", row.names = FALSE, quote = FALSE)
