// "Gestion du registre": one section per tool, in the order they appear on the page. Each section is a
// self-contained container (entrypoints/manage/sections/), so a new tool is one import and one line here.
import { ManagePage } from '@/components/data/ManagePage';
import { RetentionPanel } from '@/components/retention/RetentionPanel';
import { BackupExport } from './sections/BackupExport';
import { CsvExport } from './sections/CsvExport';
import { Restore } from './sections/Restore';

export function App() {
  return (
    <ManagePage>
      <CsvExport />
      <BackupExport />
      <Restore />
      <RetentionPanel />
    </ManagePage>
  );
}
