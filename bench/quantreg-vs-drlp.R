# Side by side on identical data: R quantreg's Barrodale-Roberts (br) and interior-point (fn, pfn)
# against the workbench's vertex walk. Called by quantreg-vs-drlp.sh; prints one table row per size.
suppressMessages({library(quantreg); library(jsonlite)})

args <- commandArgs(trailingOnly = TRUE)
sizes <- strsplit(args[1], " ")[[1]]
tau <- as.numeric(args[2])
repeats <- as.integer(args[3])
jar <- args[4]
work <- args[5]
methods <- strsplit(args[6], ",")[[1]]

check_loss <- function(r) sum(r * (tau - (r < 0)))

best_of <- function(f) {
  times <- numeric(repeats)
  for (k in seq_len(repeats)) {
    gc()
    times[k] <- system.time(fit <- f())[["elapsed"]]
  }
  list(seconds = min(times), fit = fit)
}

cat(sprintf("%-8s %-4s %-9s %10s %10s %10s %10s %10s %9s %9s %9s %12s\n",
            "n", "p", "tau", "R br", "R fn", "R pfn", "drlp", "drlp proc", "br/drlp", "fn/drlp", "pivots", "rel. diff"))
for (size in sizes) {
  np <- as.integer(strsplit(size, "x")[[1]])
  n <- np[1]; p <- np[2]
  set.seed(20201130 + n + p)
  x <- matrix(rnorm(n * (p - 1)), n, p - 1)
  colnames(x) <- paste0("x", seq_len(p - 1))
  y <- 1 + rowSums(x) + rt(n, df = 3)
  data <- file.path(work, sprintf("data-%d-%d.csv", n, p))
  write.csv(data.frame(x, y = y), data, row.names = FALSE)
  X <- cbind(1, x)

  r <- list()
  for (m in methods) {
    r[[m]] <- best_of(function() rq.fit(X, y, tau = tau, method = m))
  }
  # the exact (simplex) objective when br ran; otherwise the lowest of the interior-point ones, which
  # stop within their own tolerance of the optimum (then "rel. diff" shows how far)
  r_objective <- if (!is.null(r[["br"]])) check_loss(r[["br"]]$fit$residuals) else
    min(sapply(r, function(m) check_loss(y - X %*% m$fit$coefficients)))  # pfn returns no residuals

  spec <- file.path(work, sprintf("spec-%d-%d.json", n, p))
  writeLines(toJSON(list(
    name = sprintf("bench-%d-%d", n, p),
    data = list(source = "csv", path = data, target = "y"),
    model = list(type = "linear", intercept = TRUE),
    loss = list(type = "quantile", tau = tau),
    solver = list(pivot = "dantzig", lineSearch = "weighted-median"),
    repeats = repeats, trace = FALSE), auto_unbox = TRUE, digits = NA), spec)
  out <- file.path(work, sprintf("out-%d-%d", n, p))
  started <- Sys.time()
  status <- system2("java", c("-jar", jar, "run", spec, "--out", out, "--quiet"), stdout = FALSE)
  process <- as.numeric(difftime(Sys.time(), started, units = "secs"))
  if (status != 0) stop("drlp failed on ", spec)
  runs <- fromJSON(file.path(out, "results.json"))$runs
  drlp <- min(runs$seconds)
  objective <- runs$objective[1]
  if (any(runs$status != "OPTIMAL")) stop("drlp did not certify optimality: ", paste(runs$status, collapse = ","))
  rel <- abs(objective - r_objective) / max(1, abs(r_objective))
  get <- function(m) if (is.null(r[[m]])) NA else r[[m]]$seconds
  cat(sprintf("%-8d %-4d %-9.2f %10.3f %10.3f %10.3f %10.3f %10.2f %9.1f %9.1f %9d %12.1e\n",
              n, p, tau, get("br"), get("fn"), get("pfn"), drlp, process,
              get("br") / drlp, get("fn") / drlp, as.integer(runs$iterations[1]), rel))
}
