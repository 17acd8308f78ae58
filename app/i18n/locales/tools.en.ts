import type { tools as nl } from './tools.nl';
import type { Translation } from './types';

export const tools: Translation<typeof nl> = {
  title: 'Tools',
  intro: 'Resources that help schools and businesses shape the cooperation in their region, by focus point.',
  none: 'No tools have been published yet.',
  themes: 'Focus points',
  download: 'Download {{title}} ({{kind}}, {{size}})',
  open: 'Open {{title}} (external website)',
  form: {
    title: 'Title',
    description: 'Short description',
    theme: 'Focus point',
    chooseTheme: 'Choose a focus point',
    file: 'File',
    fileHint: 'PDF, Word, Excel or PowerPoint, at most 10 MB. Or enter a link below.',
    link: 'Or a link',
    linkHint: 'A full web address, for example https://www.example.org/tool.',
  },
  team: {
    intro: 'Tools on the public page. A file is checked by its content: only real PDF, Word, Excel and PowerPoint files.',
    newTitle: 'Publish a tool',
    publish: 'Publish',
    listTitle: 'Published tools',
    remove: 'Remove',
    removeLabel: 'Remove “{{title}}”',
    errorSummary: 'There is a problem',
    done: { gepubliceerd: 'The tool was published.', verwijderd: 'The tool was removed.' },
  },
  problems: {
    file_empty: 'The file “{{name}}” is empty. Choose another file.',
    file_too_large: 'The file is larger than 10 MB. Choose a smaller file, or put it online and enter a link.',
    file_type_not_allowed: 'The file “{{name}}” is not a PDF, Word, Excel or PowerPoint file (its name ends in .{{ext}}). Choose another file.',
    file_content_mismatch:
      'The file “{{name}}” is named a .{{ext}} file, but its content is of another kind ({{detected}}). Only real PDF, Word, Excel and PowerPoint files can be published.',
  },
  errors: {
    titleRequired: 'Enter a title.',
    descriptionRequired: 'Enter a short description.',
    themeRequired: 'Choose a focus point.',
    tooLong: 'Use at most {{max}} characters.',
    linkInvalid: 'Enter a full web address starting with https:// or http://.',
    fileOrLink: 'Choose a file or enter a link.',
    notBoth: 'Choose a file or a link, not both.',
  },
};
