namespace Pipeline.Core.Articles;

/// <summary>
/// One picture of an article, rendered: its content key (the folder of its renditions under <c>images/</c>), its size
/// as shown (orientation applied) and the widths rendered. Its caption is the article's: <see cref="ParsedArticle.Caption"/>
/// for the first, <see cref="ParsedArticle.Gallery"/> in order for the others, so a caption corrected at the desk is
/// the one shown.
/// </summary>
/// <param name="Source">The upload it was made from, e.g. <c>pakistan/story-2.jpg</c>.</param>
public sealed record ArticlePicture(string Key, int Width, int Height, IReadOnlyList<int> Widths, string Source);
