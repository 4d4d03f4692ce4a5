# Rank-inversion interval ends of stackloss recomputed from the rank-score statistic at fixed b, for
# RankInversionTest. On stackloss (integer data, exact ties) rq.fit.br(ci = TRUE)'s walk over b
# flips one observation per breakpoint, chosen among exactly tied ones by rounding in its tableau,
# and then evaluates T on some pieces with a rank score on the wrong side; its ends for Air.Flow
# lower (iid 0.9 and 0.95, nid 0.9) differ from the definition's. Here T(b) is recomputed at each b
# by a fresh fit: the dual (rank scores) of rq.fit.br of y - b x_j on the other columns, as
# rq.fit.br's own test statistic, with its qn (iid and nid) and cutoff qt(1 - alpha / 2, n - p).
# Walking from the estimate outwards on a fine grid and bisecting where T changes gives the pieces;
# the end is R's interpolation between the start of the last piece with |T| < cutoff (with its T)
# and the breakpoint where |T| reaches the cutoff (with the T beyond it).
# Run from the repository's root:
#   Rscript bundles/org.drlp.model.linear/src/test/r/rank-fixed-reference.R
# It writes bundles/org.drlp.model.linear/src/test/resources/org/drlp/model/linear/rank-fixed-reference.csv
# in the columns of rank-boot-reference.csv (what rank-iid-fixed / rank-nid-fixed, param the level).
suppressMessages(library(quantreg))
stackloss <- read.csv("examples/data/stackloss.csv")
x <- cbind("(Intercept)" = 1, as.matrix(stackloss[, c("Air.Flow", "Water.Temp", "Acid.Conc.")]))
y <- stackloss$stack.loss
n <- nrow(x); p <- ncol(x); tau <- 0.5
fit <- rq.fit.br(x, y, tau)
beta <- fit$coefficients
qnOf <- function(iid) {
  if (iid) return(1 / diag(solve(crossprod(x))))
  h <- bandwidth.rq(tau, n, hs = TRUE)
  eps <- .Machine$double.eps^(2 / 3)
  dy <- x %*% (rq.fit.br(x, y, tau + h)$coefficients - rq.fit.br(x, y, tau - h)$coefficients)
  f <- pmax(eps, 2 * h / (dy - eps))
  sapply(1:p, function(j) sum(lm(x[, j] ~ x[, -j] - 1, weights = f)$resid^2))
}
statistic <- function(j, b, qn) {
  a <- suppressWarnings(rq.fit.br(x[, -j, drop = FALSE], y - b * x[, j], tau))$dual
  sum(x[, j] * (a - (1 - tau))) / sqrt(qn[j] * tau * (1 - tau))
}
# The first breakpoint beyond `from` in direction dir where T leaves `t0`, and the T beyond it.
nextBreak <- function(j, from, dir, t0, qn, h) {
  a <- from
  repeat {
    b <- a + dir * h
    tb <- statistic(j, b, qn)
    if (abs(tb - t0) > 1e-9) break
    a <- b
    if (abs(a - from) > 1e4 * h) return(NULL)
  }
  for (k in 1:60) {
    m <- (a + b) / 2
    if (abs(statistic(j, m, qn) - t0) > 1e-9) b <- m else a <- m
  }
  list(at = (a + b) / 2, t = statistic(j, b + dir * 1e-9 * max(1, abs(b)), qn))
}
end <- function(j, dir, qn, cutoff, h) {
  innerB <- beta[j]
  innerT <- statistic(j, beta[j] + dir * 1e-9 * max(1, abs(beta[j])), qn)
  repeat {
    nb <- nextBreak(j, innerB, dir, innerT, qn, h)
    if (is.null(nb)) return(dir * Inf)
    if (abs(nb$t) >= cutoff) return(innerB + dir * abs(nb$at - innerB) * (cutoff - abs(innerT)) / abs(nb$t - innerT))
    innerB <- nb$at
    innerT <- nb$t
  }
}
out <- NULL
for (iid in c(TRUE, FALSE)) {
  qn <- qnOf(iid)
  for (alpha in c(0.1, 0.05)) {
    cutoff <- qt(1 - alpha / 2, n - p)
    r <- rq.fit.br(x, y, tau, alpha = alpha, ci = TRUE, iid = iid)$coefficients
    for (j in 1:p) {
      # grid step: a 2000th of R's interval's width
      h <- (r[j, 3] - r[j, 2]) / 2000
      out <- rbind(out, data.frame(data = "stackloss", tau = tau, what = if (iid) "rank-iid-fixed" else "rank-nid-fixed",
                                   param = 1 - alpha, coefficient = ifelse(j == 1, "intercept", colnames(x)[j]),
                                   estimate = beta[j], lower = end(j, -1, qn, cutoff, h), upper = end(j, 1, qn, cutoff, h)))
    }
  }
}
write.csv(out, "bundles/org.drlp.model.linear/src/test/resources/org/drlp/model/linear/rank-fixed-reference.csv",
          row.names = FALSE, quote = FALSE)
print(out, digits = 10)
# Evidence of the walk's wrong side, printed only: at a cutoff between 1.3977 and 1.4553, R's walk
# for Air.Flow downwards passes (0.5375, 0.7) with T = 1.3977 and stops at 0.5375 with T = 1.7048,
# while T at fixed b in (0.5375, 0.7) is 1.4553 (the walk left observation 17 on the positive side at
# the tie of observations 17 and 18 at 0.7).
alpha <- 2 * (1 - pt(1.42, n - p))
z <- rq.fit.br(x, y, tau, alpha = alpha, ci = TRUE, iid = TRUE, interp = FALSE)
print(z$coefficients["Air.Flow", ], digits = 10)
print(z$c.values["Air.Flow", ], digits = 10)
cat("T at fixed b = 0.6, 0.53, 0.52:", statistic(2, 0.6, qnOf(TRUE)), statistic(2, 0.53, qnOf(TRUE)),
    statistic(2, 0.52, qnOf(TRUE)), "\n")
