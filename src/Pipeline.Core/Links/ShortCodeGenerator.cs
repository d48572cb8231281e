using System.Security.Cryptography;

namespace Pipeline.Core.Links;

/// <summary>Random short codes from an alphabet without look-alikes, lower case so they survive being typed.</summary>
public static class ShortCodeGenerator
{
    /// <summary>No 0/o, 1/l/i: a reader copying a code from print cannot confuse two characters.</summary>
    public const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public const int DefaultLength = 6;

    public static string Next(int length = DefaultLength) => RandomNumberGenerator.GetString(Alphabet, length);
}
