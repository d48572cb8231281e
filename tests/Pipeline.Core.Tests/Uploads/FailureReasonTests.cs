using Pipeline.Core.Uploads;

namespace Pipeline.Core.Tests.Uploads;

public sealed class FailureReasonTests
{
    [Fact]
    public void Of_AStorageStyleMessage_KeepsItsFirstSentenceOnly()
    {
        // The shape of a storage SDK failure: a sentence, then status, error code, request id and response headers.
        var failure = new InvalidOperationException(
            "The server is busy.\nRequestId:5f0c-0001\nTime:2026-12-03T10:00:00Z\nStatus: 503 (Service Unavailable)\nErrorCode: ServerBusy\n\nHeaders:\nx-ms-request-id: 5f0c-0001\nServer: Windows-Azure-Blob/1.0");

        var reason = FailureReason.Of(failure);

        Assert.Equal("The server is busy.", reason);
    }

    [Fact]
    public void Of_ALongOrEmptyMessage_IsBoundedAndNeverBlank()
    {
        Assert.True(FailureReason.Of(new InvalidOperationException(new string('x', 5_000))).Length <= FailureReason.MaxLength);
        Assert.Equal("an unexpected error", FailureReason.Of(new InvalidOperationException("\n")));
        Assert.Equal("storage could not be reached in time", FailureReason.Of(new HttpRequestException("Connection refused (127.0.0.1:10000)")));
    }
}
