# okrctl — run `make help` for the targets.
GO      ?= go
BIN     := bin/okrctl
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.buildVersion=$(VERSION)
# The date the demo computes progress at: inside the examples' quarter.
DEMO_AS_OF ?= 2026-11-20
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: help build test lint bench fuzz demo clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

build: ## build bin/okrctl
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/okrctl

# The differential fuzz targets of the fast paths (YAML front end, schema
# check, dates), run by `make test` for FUZZTEST each, so that every change
# exercises their safety net beyond the stored seeds.
FAST_PATH_FUZZ := ./pkg/yamlfast:FuzzQuickParse ./pkg/lint:FuzzSchema ./internal/isodate:FuzzParse
FUZZTEST ?= 30s

test: ## install what the tests use (scripts/test-deps.sh), run every test with the race detector, then fuzz the fast paths for FUZZTEST each
	@eval "$$(./scripts/test-deps.sh)" && $(GO) vet ./... && $(GO) test -race -count=1 ./...
	@for t in $(FAST_PATH_FUZZ); do \
	  echo "fuzz $${t#*:} in $${t%%:*} for $(FUZZTEST)"; \
	  ./scripts/fuzz.sh $${t%%:*} $${t#*:} $(FUZZTEST) || exit 1; \
	done

lint: ## gofmt, go vet and staticcheck
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

bench: ## go benchmarks, then okrctl vs miller and ajv-cli on generated large repositories
	$(GO) test -run '^$$' -bench . -benchmem ./...
	./scripts/bench.sh
	./scripts/bench-ajv.sh

fuzz: ## run each fuzz target for FUZZTIME (default 20s)
	@for p in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$p | grep '^Fuzz'); do \
	    ./scripts/fuzz.sh $$p $$f $${FUZZTIME:-20s} || exit 1; \
	  done; \
	done

demo: build ## build okrctl and run it on examples/: validate, status, report
	@echo '$$ okrctl validate examples'
	@./$(BIN) validate examples
	@echo
	@echo '$$ okrctl status examples --as-of $(DEMO_AS_OF) --period 2026-Q4'
	@./$(BIN) status examples --as-of $(DEMO_AS_OF) --period 2026-Q4
	@echo
	@echo '$$ okrctl report examples --as-of $(DEMO_AS_OF) --period 2026-Q4 -o bin/report-2026-Q4.md'
	@./$(BIN) report examples --as-of $(DEMO_AS_OF) --period 2026-Q4 -o bin/report-2026-Q4.md
	@echo 'The quarterly report is in bin/report-2026-Q4.md.'

clean: ## remove build output
	rm -rf bin
