{{/*
The chart's name, truncated to the 63 characters a label value allows.
*/}}
{{- define "maintenance-notifier.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The fully qualified name of the release's objects: the release name, suffixed with the chart's
name unless the release name already contains it.
*/}}
{{- define "maintenance-notifier.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The chart label value: name and version.
*/}}
{{- define "maintenance-notifier.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels every object carries.
*/}}
{{- define "maintenance-notifier.labels" -}}
helm.sh/chart: {{ include "maintenance-notifier.chart" . }}
{{ include "maintenance-notifier.selectorLabels" . }}
app.kubernetes.io/version: {{ include "maintenance-notifier.imageTag" . | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: openstack
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels: name and instance only, so that a label added later never changes an immutable
selector.
*/}}
{{- define "maintenance-notifier.selectorLabels" -}}
app.kubernetes.io/name: {{ include "maintenance-notifier.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The ServiceAccount the operator runs as.
*/}}
{{- define "maintenance-notifier.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "maintenance-notifier.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The image tag: the configured one, else the chart's appVersion.
*/}}
{{- define "maintenance-notifier.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/*
The full image reference.
*/}}
{{- define "maintenance-notifier.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "maintenance-notifier.imageTag" .) }}
{{- end }}

{{/*
The metrics Service's name; Prometheus' job label for the scraped targets.
*/}}
{{- define "maintenance-notifier.metricsServiceName" -}}
{{- printf "%s-metrics" (include "maintenance-notifier.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The PromQL label matcher that selects this release's targets, as scraped through the ServiceMonitor.
*/}}
{{- define "maintenance-notifier.metricsSelector" -}}
namespace="{{ .Release.Namespace }}", job="{{ include "maintenance-notifier.metricsServiceName" . }}"
{{- end }}

{{/*
Refuses settings that cannot work together.
*/}}
{{- define "maintenance-notifier.validate" -}}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.leaderElection.enabled) }}
{{- fail "replicaCount > 1 needs leaderElection.enabled=true: without a Lease every replica would reconcile at once" }}
{{- end }}
{{- end }}
