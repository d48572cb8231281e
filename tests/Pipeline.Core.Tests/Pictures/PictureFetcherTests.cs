using System.Net;
using Pipeline.Core.Pictures;

namespace Pipeline.Core.Tests.Pictures;

public sealed class PictureFetcherTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Loopback_private_link_local_and_metadata_addresses_are_never_fetched(string address) =>
        Assert.False(PictureFetcher.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    public void Public_addresses_are_fetched(string address) =>
        Assert.True(PictureFetcher.IsPublic(IPAddress.Parse(address)));
}
