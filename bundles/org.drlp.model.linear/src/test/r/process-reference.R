# The whole quantile regression process by R's quantreg, for QuantileProcessTest: rq(..., tau = -1)
# (rq.fit.br with tau outside (0, 1)) gives every breakpoint of the solution as a function of tau.
# Writes one CSV per data set with a row per column of rq's $sol: tau (from which the row's solution
# holds up to the next row's tau), Qbar, the objective at tau, then the coefficients.
# Run from the repository's root: Rscript bundles/org.drlp.model.linear/src/test/r/process-reference.R
library(quantreg)
out <- "bundles/org.drlp.model.linear/src/test/resources/process"
write_process <- function(fit, file) {
  sol <- t(fit$sol)
  colnames(sol)[colnames(sol) == "(Intercept)"] <- "intercept"
  write.csv(format(as.data.frame(sol), digits = 17), file.path(out, file), row.names = FALSE, quote = FALSE)
}
engel <- read.csv("examples/data/engel.csv")
write_process(rq(foodexp ~ income, tau = -1, data = engel), "engel-rq.csv")
stackloss <- read.csv("examples/data/stackloss.csv")
write_process(rq(stack.loss ~ ., tau = -1, data = stackloss), "stackloss-rq.csv")
cat("quantreg", as.character(packageVersion("quantreg")), "\n")
