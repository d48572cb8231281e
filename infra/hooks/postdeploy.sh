#!/usr/bin/env bash
# azd postdeploy hook: subscribes the blob trigger of IngestArticle to the storage account's BlobCreated events.
# It runs after the code is deployed because the webhook URL carries the blobs_extension system key, which the
# Functions host creates when it first loads the blob extension. Running it again updates the subscription in place.
# Outside azd: export the outputs of infra/main.bicep (azd env get-values) and run it after `az login`.
set -euo pipefail

# The blob trigger this subscription feeds: [BlobTrigger("articles/{name}", Source = BlobTriggerSource.EventGrid)]
# on IngestArticle. tests/Pipeline.Infra.Tests checks both names against the built functions.metadata.
function_name="IngestArticle"
container="articles"

: "${AZURE_RESOURCE_GROUP:?not set: run through azd, or export the outputs of infra/main.bicep}"
: "${AZURE_FUNCTION_APP_NAME:?not set: run through azd, or export the outputs of infra/main.bicep}"
: "${AZURE_FUNCTION_APP_HOST:?not set: run through azd, or export the outputs of infra/main.bicep}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?not set: run through azd, or export the outputs of infra/main.bicep}"

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required; see README.md, section Deploy" >&2
  exit 1
fi

# The key exists once the host has started with the new code; a cold Flex Consumption app takes a while.
attempts=30
key=""
for attempt in $(seq 1 "$attempts"); do
  key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  if [ -n "$key" ]; then
    break
  fi
  echo "postdeploy: waiting for the blobs_extension key of $AZURE_FUNCTION_APP_NAME ($attempt/$attempts)"
  # Any request starts the host, which loads the blob extension and creates the key.
  curl --silent --output /dev/null --max-time 30 "https://$AZURE_FUNCTION_APP_HOST/" || true
  sleep 10
done
if [ -z "$key" ]; then
  echo "postdeploy: $AZURE_FUNCTION_APP_NAME has no blobs_extension key; check that the deployment started (azd monitor)" >&2
  exit 1
fi

endpoint="https://$AZURE_FUNCTION_APP_HOST/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key"

# Event Grid validates the webhook on creation; the blob extension answers the handshake.
az eventgrid system-topic event-subscription create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
  --name "${function_name,,}" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/$container/" \
  --output none

echo "postdeploy: uploads to $container/ now trigger $function_name"

# PIPELINE_DOCTOR=1 (azd env set PIPELINE_DOCTOR 1): check the fresh deployment end to end with a probe article.
# The key goes through the environment, not the command line, so it does not show in the process list.
if [ "${PIPELINE_DOCTOR:-0}" = "1" ]; then
  : "${AZURE_STORAGE_ACCOUNT_NAME:?not set: run through azd, or export the outputs of infra/main.bicep}"
  PIPELINE_API_KEY=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "functionKeys.default" --output tsv)
  export PIPELINE_API_KEY
  dotnet run --project "$(dirname "$0")/../../src/Pipeline.Cli" -- doctor \
    --account "$AZURE_STORAGE_ACCOUNT_NAME" \
    --api "https://$AZURE_FUNCTION_APP_HOST/" \
    --function-app-host "$AZURE_FUNCTION_APP_HOST"
fi
