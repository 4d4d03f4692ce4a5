# Reference values for WeightedFitsMatchQuantregTest and CategoricalFitsMatchQuantregTest: R's
# quantreg rq() with case weights (engel, stackloss) and with factors and interactions
# (warpbreaks, toothgrowth). Writes the weighted data sets (the weights recorded in a column w)
# and reference.csv (case, tau, term, value; term "objective" is sum w_i rho_tau(r_i)) into
# src/test/resources/reference. Run from the repository root:
#   Rscript bundles/org.drlp.model.linear/src/test/r/weights-reference.R
library(quantreg)
Sys.setlocale("LC_COLLATE", "C") # factor levels in code-point order, as the workbench sorts them
out <- "bundles/org.drlp.model.linear/src/test/resources/reference"
options(digits = 17)

engel <- read.csv("examples/data/engel.csv")
engel$w <- 1 + (seq_len(nrow(engel)) %% 4)             # integer weights 1..4
stack <- read.csv("examples/data/stackloss.csv")
set.seed(16)
stack$w <- round(runif(nrow(stack), 0.2, 3), 2)        # non-integer weights
stack$w[c(5, 12)] <- 0                                  # rows of weight 0 count for nothing
write.csv(engel, file.path(out, "engel-weighted.csv"), row.names = FALSE, quote = FALSE)
write.csv(stack, file.path(out, "stackloss-weighted.csv"), row.names = FALSE, quote = FALSE)

rho <- function(r, tau) r * (tau - (r < 0))
rows <- list()
record <- function(case, tau, fit, w) {
  b <- coef(fit)
  names(b)[names(b) == "(Intercept)"] <- "intercept"
  obj <- sum(w * rho(resid(fit), tau))
  rows[[length(rows) + 1]] <<- data.frame(case = case, tau = tau, term = c(names(b), "objective"),
                                          value = sprintf("%.17g", c(unname(b), obj)))
}
for (tau in c(0.25, 0.5, 0.9)) {
  record("engel-weighted", tau, rq(foodexp ~ income, tau = tau, data = engel, weights = w), engel$w)
}
for (tau in c(0.25, 0.5, 0.75)) {
  record("stackloss-weighted", tau, rq(stack.loss ~ Air.Flow + Water.Temp + Acid.Conc., tau = tau, data = stack,
                                       weights = w), stack$w)
}

warp <- read.csv("examples/data/categorical/warpbreaks.csv", stringsAsFactors = TRUE)
record("warpbreaks", 0.5, rq(breaks ~ wool * tension, tau = 0.5, data = warp), rep(1, nrow(warp)))
warpM <- warp
warpM$tension <- relevel(warpM$tension, "M")
record("warpbreaks-reference-M", 0.5, rq(breaks ~ wool * tension, tau = 0.5, data = warpM), rep(1, nrow(warp)))
tooth <- read.csv("examples/data/categorical/toothgrowth.csv", stringsAsFactors = TRUE)
for (tau in c(0.5, 0.8)) {
  record("toothgrowth", tau, rq(len ~ dose * supp, tau = tau, data = tooth), rep(1, nrow(tooth)))
}
reference <- do.call(rbind, rows)
write.csv(reference, file.path(out, "reference.csv"), row.names = FALSE, quote = FALSE)
print(reference)
