namespace Pipeline.Functions.Http;

/// <summary>One item of a bulk create's answer: its status as if created alone, and the link or the error.</summary>
public sealed record BulkItemView(int Index, int Status, ShortLinkView? Link, ApiError? Error);
