// The dashboard page (dashboard.html, opened in a tab): the register as a management tool. Figures from
// the indexes first, then the period's figures and recurring groups from one pass, then the chart.
// Linking a group goes through the background like every write.
import { useEffect, useState } from 'preact/hooks';
import { CompensationTable } from '@/components/dashboard/CompensationTable';
import { CountTable } from '@/components/dashboard/CountTable';
import { Figures } from '@/components/dashboard/Figures';
import { MonthlyChart } from '@/components/dashboard/MonthlyChart';
import { groupKey, RecurringList } from '@/components/dashboard/RecurringList';
import { useDashboard } from '@/components/dashboard/useDashboard';
import { useSettings } from '@/components/hooks/useRegister';
import { useTeamAgents } from '@/components/hooks/useTeamAgents';
import { useSyncStatus } from '@/components/team/useSyncStatus';
import { send } from '@/lib/extension/protocol';
import { getLang, t } from '@/lib/i18n';
import { formatDateTime, formatDay } from '@/lib/i18n/dates';
import { formatEuros } from '@/lib/i18n/money';
import { RequestError } from '@/lib/protocol/messages';
import { PHASES } from '@/lib/register/schema';
import { type DashboardStats, DEFAULT_STATS_OPTIONS, type SeverityKey } from '@/lib/stats/compute';
import { formatCount, formatHours, formatShare } from '@/lib/stats/format';
import { DEFAULT_RECURRING_OPTIONS, MAX_LINK_GROUP, type RecurringGroup } from '@/lib/stats/recurring';

const OPTIONS = { ...DEFAULT_STATS_OPTIONS, ...DEFAULT_RECURRING_OPTIONS };
const SHOWN_GROUPS = 10;
const SEVERITY_ORDER: SeverityKey[] = ['4', '3', '2', '1', 'unset'];

/** A count still being made shows an ellipsis. */
const countOrWait = (n: number | null) => (n === null ? t('dash.pending') : formatCount(n));

function periodFigures(s: DashboardStats) {
  const share = (id: string, label: string, tally: DashboardStats['ack']) => ({
    id,
    label,
    value: formatShare(tally.onTime),
    detail: t('dash.period.shareDetail', {
      met: formatCount(tally.met),
      decided: formatCount(tally.met + tally.metLate + tally.overdue),
      running: formatCount(tally.running),
    }),
  });
  return [
    { id: 'received', label: t('dash.period.received'), value: formatCount(s.received) },
    share('ack', t('dash.period.ackOnTime'), s.ack),
    share('answer', t('dash.period.answerOnTime'), s.answer),
    { id: 'mean-ack', label: t('dash.period.meanAck'), value: formatHours(s.meanHours.ack) },
    { id: 'mean-answer', label: t('dash.period.meanAnswer'), value: formatHours(s.meanHours.answer) },
    {
      id: 'compensation',
      label: t('dash.period.compensation'),
      value: formatEuros(s.compensation.euros, getLang()),
      detail: t('dash.period.compensationDetail', { n: formatCount(s.compensation.count) }),
    },
    {
      id: 'legal-refunds',
      label: t('dash.period.legalRefunds'),
      value: formatEuros(s.legal.euros, getLang()),
      detail: t('dash.period.legalDetail', { n: formatCount(s.legal.count) }),
    },
  ];
}

export function App() {
  const settings = useSettings();
  // Team register: the figures of one agent's complaints, or the whole team's.
  const team = useSyncStatus().identity !== null;
  const agents = useTeamAgents(team);
  const [agent, setAgent] = useState('');
  const data = useDashboard(OPTIONS, agent || undefined);
  const agentName = agents.agents?.find((a) => a.id === agent)?.name;
  const [linking, setLinking] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const s = data.stats;
  // The index counts are the freshest once complete; while a re-read counts, the last pass's figures stay.
  const counts = data.counts;
  const today =
    counts?.total != null ? counts : s ? { total: s.total, byPhase: s.byPhase, overdue: s.overdue } : counts;
  // Paint times, read by the benchmark (scripts/bench/suites/dashboard.ts).
  const shown = today !== null;
  const counted = today?.total != null;
  useEffect(() => {
    if (shown) performance.mark('dashboard:figures');
  }, [shown]);
  useEffect(() => {
    if (counted) performance.mark('dashboard:counted');
  }, [counted]);
  useEffect(() => {
    if (s) performance.mark('dashboard:complete');
  }, [s]);
  const grouped = data.groups !== null;
  useEffect(() => {
    if (grouped) performance.mark('dashboard:groups');
  }, [grouped]);

  const categoryLabel = (id: string) => settings.categories.find((c) => c.id === id)?.label ?? id;
  const link = async (group: RecurringGroup) => {
    setLinking(groupKey(group));
    setNotice(null);
    try {
      const { linked } = await send({
        type: 'complaints/link-group',
        ids: group.complaints.map((c) => c.id),
      });
      setNotice({ text: t('dash.recurring.done', { n: linked }), error: false });
    } catch (error) {
      setNotice({ text: error instanceof RequestError ? error.message : String(error), error: true });
    } finally {
      setLinking(null);
    }
  };

  return (
    <main class="dash">
      <header class="dash-header">
        <h1>{t('dash.title')}</h1>
        {s && <p class="dash-muted">{t('dash.asOf', { date: formatDateTime(s.at) })}</p>}
        {team && agents.agents && (
          <label class="dash-agent">
            {t('dashboard.agent.label')}{' '}
            <select
              data-testid="dash-agent"
              value={agent}
              onChange={(e) => setAgent((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{t('dashboard.agent.all')}</option>
              {agents.agents
                .filter((a) => a.role !== 'auditor')
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        {agentName && <p class="dash-muted">{t('dashboard.agent.filtered', { name: agentName })}</p>}
        <div role="status" class="dash-status">
          {data.progress && (
            <p data-testid="dash-progress">
              {t('dash.progress', { read: formatCount(data.progress.read), total: formatCount(data.progress.total) })}
              <progress max={data.progress.total || 1} value={data.progress.read} />
            </p>
          )}
          {data.invalid > 0 && <p class="warning">{t('dash.invalid', { n: data.invalid })}</p>}
          {data.error && <p class="warning">{t('dash.error', { details: data.error })}</p>}
          {notice && (
            <p class={notice.error ? 'warning' : 'notice'} data-testid="dash-notice">
              {notice.text}
            </p>
          )}
        </div>
      </header>

      <section class="dash-section" aria-labelledby="dash-now">
        <h2 id="dash-now">{t('dash.now.title')}</h2>
        {today ? (
          <div class="dash-grid">
            <Figures
              items={[
                { id: 'total', label: t('dash.now.total'), value: countOrWait(today.total) },
                {
                  id: 'overdue',
                  label: t('dash.now.overdue'),
                  value: countOrWait(today.overdue),
                  detail: t('dash.now.overdueDetail'),
                  alert: (today.overdue ?? 0) > 0,
                },
              ]}
            />
            <CountTable
              title={t('dash.now.byPhase')}
              testId="dash-phases"
              rows={PHASES.map((p) => ({ key: p, label: t(`phase.${p}`), count: today.byPhase[p] ?? null }))}
            />
          </div>
        ) : (
          <p class="empty">{t('dash.loading')}</p>
        )}
      </section>

      <section class="dash-section" aria-labelledby="dash-period">
        <h2 id="dash-period">{t('dash.period.title', { months: OPTIONS.months })}</h2>
        {s ? (
          <>
            <p class="dash-muted">{t('dash.period.since', { date: formatDay(s.since) })}</p>
            <Figures items={periodFigures(s)} />
            <h3>{t('dash.chart.title')}</h3>
            <MonthlyChart months={s.months} />
            <div class="dash-columns">
              <CountTable
                title={t('dash.byCategory')}
                testId="dash-categories"
                rows={s.byCategory.map((c) => ({ key: c.category, label: categoryLabel(c.category), count: c.count }))}
              />
              <CountTable
                title={t('dash.bySeverity')}
                testId="dash-severities"
                rows={SEVERITY_ORDER.map((k) => ({
                  key: k,
                  label: k === 'unset' ? t('dash.severity.unset') : t(`severity.${k}`),
                  count: s.bySeverity[k],
                }))}
              />
              <div>
                <CompensationTable months={s.months} />
                <p class="dash-note">{t('dash.compensation.note')}</p>
              </div>
            </div>
          </>
        ) : (
          <p class="empty">{t('dash.loading')}</p>
        )}
      </section>

      <section class="dash-section" aria-labelledby="dash-recurring">
        <h2 id="dash-recurring">{t('dash.recurring.title')}</h2>
        <p class="dash-muted">{t('dash.recurring.intro', { days: OPTIONS.windowDays })}</p>
        {data.groups ? (
          <RecurringList
            groups={data.groups.slice(0, SHOWN_GROUPS)}
            hidden={Math.max(0, data.groups.length - SHOWN_GROUPS)}
            days={OPTIONS.windowDays}
            maxLink={MAX_LINK_GROUP}
            categoryLabel={categoryLabel}
            linking={linking}
            onLink={(g) => void link(g)}
          />
        ) : (
          <p class="empty">{t('dash.loading')}</p>
        )}
      </section>
    </main>
  );
}
