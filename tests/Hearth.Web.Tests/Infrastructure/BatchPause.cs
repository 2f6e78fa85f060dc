using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hearth.Web.Tests.Infrastructure;

/// <summary>
/// Lets a test stop a large write right after it was saved, do something else meanwhile, and let it go
/// on: "does another member's write get through between an import's batches?" becomes a question
/// with one answer instead of a race. Does nothing until <see cref="Arm"/> is called, and only for a
/// save of at least <see cref="Rows"/> rows (an import batch; nothing a person does saves that many).
/// </summary>
public sealed class BatchPause : SaveChangesInterceptor
{
    private TaskCompletionSource? paused;
    private TaskCompletionSource? resume;

    public int Rows { get; set; } = 100;

    /// <summary>Completes once a large save has been made and is being held.</summary>
    public Task Paused => paused?.Task ?? Task.CompletedTask;

    /// <summary>The next large save is held until <see cref="Release"/> (or 30 s, so nothing hangs).</summary>
    public void Arm()
    {
        paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => resume?.TrySetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result >= Rows && resume is { } wait && paused is { } signal && signal.TrySetResult())
        {
            await wait.Task.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return result;
    }
}
