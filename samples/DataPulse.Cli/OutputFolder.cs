using DataPulse.Cli.Errors;

namespace DataPulse.Cli;

/// <summary>The folder an export is saved into, created (with its parents) when it does not exist yet.</summary>
internal static class OutputFolder
{
    /// <summary>Returns the folder's full path, creating it first if needed.</summary>
    /// <exception cref="OutputException">The folder cannot be created: a file is in the way, or no permission.</exception>
    public static string Ensure(string folder)
    {
        var fullPath = Path.GetFullPath(folder);
        if (Directory.Exists(fullPath))
        {
            return fullPath;
        }

        if (FileInTheWay(fullPath) is { } file)
        {
            throw new OutputException($"Cannot create the output folder '{fullPath}': '{file}' is a file.");
        }

        try
        {
            Directory.CreateDirectory(fullPath);
            return fullPath;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new OutputException($"Cannot create the output folder '{fullPath}': permission denied.", ex);
        }
        catch (IOException ex)
        {
            throw new OutputException($"Cannot create the output folder '{fullPath}': {ex.Message}", ex);
        }
    }

    /// <summary>The path itself or the nearest existing parent, when that is a file rather than a folder.</summary>
    private static string? FileInTheWay(string fullPath)
    {
        for (var path = fullPath; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }

            if (Directory.Exists(path))
            {
                return null;
            }
        }

        return null;
    }
}
