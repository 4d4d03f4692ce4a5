# Reference values of the rank-inversion intervals and of the bootstrap standard errors of linear
# quantile regression, computed by quantreg (5.94 when recorded), for RankInversionTest and
# BootstrapTest. Run from the repository's root:
#   Rscript bundles/org.drlp.model.linear/src/test/r/rank-boot-reference.R
# It writes bundles/org.drlp.model.linear/src/test/resources/org/drlp/model/linear/rank-boot-reference.csv
# with one line per coefficient: data, tau, what (rank-iid, rank-nid, boot-xy, boot-wild), level
# (rank) or replicates (boot), coefficient (our names: the feature, or intercept), estimate, and
# lower, upper (rank) or the standard error in lower and NA in upper (boot); and, for the wild
# bootstrap, akj's density of the residuals at 0 (what akj-f0, in estimate).
suppressMessages(library(quantreg))
engel <- read.csv("examples/data/engel.csv")
stackloss <- read.csv("examples/data/stackloss.csv")
cases <- list(
  list(name = "engel", formula = foodexp ~ income, data = engel, taus = c(0.25, 0.5, 0.75)),
  list(name = "stackloss", formula = stack.loss ~ Air.Flow + Water.Temp + Acid.Conc., data = stackloss,
       taus = c(0.5)))
ours <- function(names) ifelse(names == "(Intercept)", "intercept", names)
out <- NULL
add <- function(data, tau, what, param, names, est, a, b) {
  out <<- rbind(out, data.frame(data = data, tau = tau, what = what, param = param, coefficient = ours(names),
                                estimate = est, lower = a, upper = b))
}
for (case in cases) {
  for (tau in case$taus) {
    fit <- rq(case$formula, tau = tau, data = case$data)
    add(case$name, tau, "akj-f0", NA, "none", akj(c(fit$residuals), z = 0)$dens, NA, NA)
    for (iid in c(TRUE, FALSE)) {
      for (alpha in c(0.1, 0.05)) {
        s <- summary(fit, se = "rank", iid = iid, alpha = alpha)$coefficients
        add(case$name, tau, if (iid) "rank-iid" else "rank-nid", 1 - alpha, rownames(s), s[, 1], s[, 2], s[, 3])
      }
    }
    # Many replicates, so that the recorded standard errors are close to the bootstrap's own (their
    # Monte Carlo error is about 1 / sqrt(2 R) relative, 0.5% at R = 20000).
    set.seed(16)
    R <- 20000
    for (method in c("xy", "wild")) {
      s <- summary(fit, se = "boot", bsmethod = method, R = R)$coefficients
      add(case$name, tau, paste0("boot-", method), R, rownames(s), s[, 1], s[, 2], NA)
    }
  }
}
write.csv(out, "bundles/org.drlp.model.linear/src/test/resources/org/drlp/model/linear/rank-boot-reference.csv",
          row.names = FALSE, quote = FALSE)
