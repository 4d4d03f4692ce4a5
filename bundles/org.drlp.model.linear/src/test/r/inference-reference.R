# Writes inference-reference.csv: R quantreg's summary.rq coefficient tables (se = "iid", "nid", "ker",
# the defaults hs = TRUE and the Hall-Sheather bandwidth), the oracle of SandwichInferenceTest.
# Run from the repository root:
#   Rscript bundles/org.drlp.model.linear/src/test/r/inference-reference.R
# Coefficient names are the workbench's: "(Intercept)" is written "intercept".
suppressPackageStartupMessages(library(quantreg))
out <- "bundles/org.drlp.model.linear/src/test/resources/org/drlp/model/linear/inference-reference.csv"
engel <- read.csv("examples/data/engel.csv")
stackloss <- read.csv("examples/data/stackloss.csv")
cases <- list(
  list(data = "engel", formula = foodexp ~ income, frame = engel, taus = c(0.25, 0.5, 0.75)),
  list(data = "stackloss", formula = stack.loss ~ ., frame = stackloss, taus = 0.5))
rows <- list()
for (case in cases) {
  for (tau in case$taus) {
    fit <- rq(case$formula, tau = tau, data = case$frame)
    for (se in c("iid", "nid", "ker")) {
      s <- withCallingHandlers(summary(fit, se = se, covariance = TRUE),
                               warning = function(w) {
                                 message(case$data, " tau=", tau, " se=", se, ": ", conditionMessage(w))
                                 invokeRestart("muffleWarning")
                               })
      table <- s$coefficients
      names <- sub("(Intercept)", "intercept", rownames(table), fixed = TRUE)
      rows[[length(rows) + 1]] <- data.frame(data = case$data, tau = tau, se = se, name = names,
                                             estimate = table[, 1], stdError = table[, 2],
                                             statistic = table[, 3], pValue = table[, 4], rdf = s$rdf)
    }
  }
}
all <- do.call(rbind, rows)
for (column in c("estimate", "stdError", "statistic", "pValue")) all[[column]] <- sprintf("%.17g", all[[column]])
write.csv(all, out, row.names = FALSE, quote = FALSE)
cat("wrote", nrow(all), "rows to", out, "\n")
